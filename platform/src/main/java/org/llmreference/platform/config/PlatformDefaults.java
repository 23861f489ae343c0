package org.llmreference.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "llmref-platform-defaults.yml";

    /** The environment variable that switches the console log to JSON. */
    static final String LOG_FORMAT = "LLMREF_LOG_FORMAT";

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
        String structured = structuredFormat(environment.getProperty(LOG_FORMAT));
        if (structured != null) {
            environment.getPropertySources().addLast(new MapPropertySource("llmref log format",
                    Map.of("logging.structured.format.console", structured)));
        }
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
