package org.llmreference.platform.security;

import java.time.Clock;
import java.util.List;

import org.llmreference.platform.web.FieldViolation;
import org.llmreference.platform.web.ProblemHandling;
import org.llmreference.platform.web.SecurityHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what, the same in every service: reads ({@code GET}, {@code HEAD}) are open, and so are
 * {@code /actuator/health/**} and {@code /actuator/prometheus}; every other actuator endpoint needs
 * the ops role; every write needs the editor role (admins hold it too); accounts need the admin role,
 * except signing in and a caller's own account; the audit trail needs ops, editor or admin. A bearer
 * token is a shared token ({@link AccessTokens}), a personal one a {@link TokenAuthority} knows, or,
 * where an OIDC issuer is configured, one of its JWTs ({@link OidcCallers}).
 * No server sessions, no cookies, no CSRF tokens: each write carries its bearer token. 401 and 403
 * leave as problem documents.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties({ AccessTokens.class, OidcCallers.Claims.class })
public class ApiSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurityConfiguration.class);

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AccessTokens tokens, ObjectProvider<TokenAuthority> authorities,
            ObjectProvider<JwtDecoder> jwtDecoder, OidcCallers.Claims claims, JsonMapper json) throws Exception {
        if (tokens.editorTokens().isEmpty()) {
            log.warn("No editor token is configured (LLMREF_EDITOR_TOKEN): every write will answer 401.");
        }
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"llmref\"");
            write(json, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    request.getHeader(HttpHeaders.AUTHORIZATION) == null
                            ? "This request needs 'Authorization: Bearer <token>' with a token that has the required role."
                            : e.getMessage() + ".",
                    request.getRequestURI());
        };
        AccessDeniedHandler forbidden = (request, response, e) -> write(json, response, HttpStatus.FORBIDDEN,
                "forbidden", "Forbidden", "Your token is valid but does not have the role this request needs ("
                        + neededRole(request.getRequestURI()) + ").",
                request.getRequestURI());
        List<TokenAuthority> checked = new java.util.ArrayList<>(authorities.orderedStream().toList());
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            // An OIDC issuer is configured: its JWTs are accepted too, after the shared and personal tokens.
            checked.add(new OidcCallers(decoder, claims));
            log.info("JWTs of the configured OIDC issuer are accepted as bearer tokens (roles claim '{}').",
                    claims.rolesClaim());
        }
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                // Pages and API answers set their own caching headers.
                .headers(headers -> headers.cacheControl(cache -> cache.disable())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.get(SecurityHeaders.REFERRER_POLICY))))
                .addFilterBefore(new BearerTokenFilter(tokens, checked, unauthorized),
                        AuthorizationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator", "/actuator/**").hasRole("OPS")
                        // Signing in is open (throttled); everything else about accounts needs a caller.
                        .requestMatchers(HttpMethod.POST, "/api/sessions").permitAll()
                        .requestMatchers("/api/sessions/**", "/api/accounts/me", "/api/accounts/me/**").authenticated()
                        .requestMatchers("/api/accounts", "/api/accounts/**").hasRole("ADMIN")
                        .requestMatchers("/api/audit", "/api/audit/**").hasAnyRole("OPS", "EDITOR", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().hasRole("EDITOR"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
        return http.build();
    }

    /**
     * Personal tokens, checked locally against {@code identity.accounts.v1}; catalog-service, which
     * owns the accounts, answers from its store instead (its own {@link TokenAuthority}).
     */
    @Bean
    @ConditionalOnMissingBean(TokenAuthority.class)
    AccountTable accountTable(@Value("${spring.cloud.stream.kafka.binder.brokers:localhost:9092}") String brokers) {
        return new AccountTable(brokers, Clock.systemUTC());
    }

    private static String neededRole(String path) {
        if (path.startsWith("/actuator")) {
            return "ops";
        }
        if (path.startsWith("/api/accounts")) {
            return "admin";
        }
        return path.startsWith("/api/audit") ? "ops, editor or admin" : "editor";
    }

    private static void write(JsonMapper json, HttpServletResponse response, HttpStatus status, String type,
            String title, String detail, String instance) throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(),
                ProblemHandling.body(status, type, title, detail, List.<FieldViolation>of(), instance));
    }
}
