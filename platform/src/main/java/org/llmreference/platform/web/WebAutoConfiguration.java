package org.llmreference.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side every service shares: strict JSON bodies (unknown fields, wrong types, duplicate
 * keys, trailing data and control characters are refused, numbers with a fraction stay exact),
 * body size limits, RFC 9457 problems for every error, and an OpenAPI document at
 * {@code /v3/api-docs} that marks which operations need the editor's bearer token, and a log line
 * and span tag for every write that started an edit's chain.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebSettings.class)
public class WebAutoConfiguration {

    @Bean
    JsonMapperBuilderCustomizer llmrefStrictJson() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(new TextRules());
    }

    @Bean
    ProblemHandling problemHandling() {
        return new ProblemHandling();
    }

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(WebSettings properties, JsonMapper json) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(new BodySizeLimit(
                properties.maxBodySize().toBytes(), properties.maxImportBodySize().toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AcceptedEdits> acceptedEdits() {
        FilterRegistrationBean<AcceptedEdits> registration = new FilterRegistrationBean<>(new AcceptedEdits());
        // Inside the HTTP observation (highest precedence + 1), so the request's span is still open.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean
    OpenAPI llmrefOpenApi(@Value("${spring.application.name}") String application) {
        return new OpenAPI()
                .info(new Info().title(application + " API").version("v1")
                        .description("Reads are open. Writes need 'Authorization: Bearer <editor token>'. "
                                + "Errors are RFC 9457 problem documents."))
                .components(new Components().addSecuritySchemes("editorToken",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
    }

    /** Marks every write operation as needing the editor token. */
    @Bean
    OpenApiCustomizer llmrefWritesNeedToken() {
        return api -> api.getPaths().values().forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
            if (method != io.swagger.v3.oas.models.PathItem.HttpMethod.GET
                    && method != io.swagger.v3.oas.models.PathItem.HttpMethod.HEAD) {
                operation.addSecurityItem(new SecurityRequirement().addList("editorToken"));
            }
        }));
    }
}
