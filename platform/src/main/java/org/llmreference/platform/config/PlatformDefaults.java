package org.llmreference.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code llmref-platform-defaults.yml} (Kafka binder, Actuator probes and exposure, MongoDB
 * connection) as the lowest-precedence settings of every service, so each service's own
 * {@code application.yml} holds only what is its own, and anything can still be overridden.
 *
 * <p>It also turns {@value #LOG_FORMAT} into Spring Boot's structured console logging: unset or
 * {@code text} keeps the readable lines a developer reads, {@code json} (the same as {@code ecs}),
 * {@code logstash} or {@code gelf} write one JSON object per line, with {@code causedBy},
 * {@code traceId} and {@code spanId} as fields when a line belongs to an edit's chain.
 * docker-compose sets it to {@code json}; an explicit {@code logging.structured.format.console}
 * still wins.
 *
 * <p>Spans leave the process only when {@value #ZIPKIN_ENDPOINT} names a Zipkin collector (for
 * example {@code http://zipkin:9411/api/v2/spans}); without it the exporter is off, so nothing
 * tries to reach a collector that is not there.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "llmref-platform-defaults.yml";

    /** The environment variable that switches the console log to JSON. */
    static final String LOG_FORMAT = "LLMREF_LOG_FORMAT";

    /** The environment variable naming the Zipkin collector spans are sent to. */
    static final String ZIPKIN_ENDPOINT = "LLMREF_ZIPKIN_ENDPOINT";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load("llmref platform defaults",
                    new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<String, Object> derived = new HashMap<>();
        String structured = structuredFormat(environment.getProperty(LOG_FORMAT));
        if (structured != null) {
            derived.put("logging.structured.format.console", structured);
        }
        String zipkin = environment.getProperty(ZIPKIN_ENDPOINT, "").strip();
        derived.put("management.tracing.export.zipkin.enabled", !zipkin.isEmpty());
        if (!zipkin.isEmpty()) {
            derived.put("management.tracing.export.zipkin.endpoint", zipkin);
        }
        environment.getPropertySources().addLast(new MapPropertySource("llmref logs and traces", derived));
    }

    /** Spring Boot's structured format for a value of {@value #LOG_FORMAT}; null for readable text. */
    static String structuredFormat(String logFormat) {
        String format = logFormat == null ? "" : logFormat.strip().toLowerCase(Locale.ROOT);
        switch (format) {
        case "":
        case "text":
            return null;
        case "json":
        case "ecs":
            return "ecs";
        case "logstash":
        case "gelf":
            return format;
        default:
            throw new IllegalArgumentException(LOG_FORMAT + " must be text, json, ecs, logstash or gelf, was '"
                    + logFormat + "'");
        }
    }
}
