package org.llmreference.comparison.instances;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Derives the consumer group of the source bindings from the instance number
 * {@code llmref.instance} ({@code LLMREF_INSTANCE}, default 1), as
 * {@code llmref.comparison.source-group}.
 *
 * <p>Every instance reads every catalog and pricing change, because the pair graph needs every
 * model and a pair's two sides are computed together; so each instance consumes in a group of its
 * own. Instance 1 keeps the name {@code comparison-service}, so one instance behaves as before: its
 * committed offsets, its dead-letter topics and page-service's consistency audit
 * ({@code llmref.page.audit.comparison-group}) keep their names. Instance N consumes in
 * {@code comparison-service-N}. Instance numbers are stable across restarts, so a restarted
 * instance resumes from its own offsets. An explicit {@code llmref.comparison.source-group} wins.
 */
public class InstanceGroups implements EnvironmentPostProcessor {

    static final String INSTANCE = "llmref.instance";

    static final String SOURCE_GROUP = "llmref.comparison.source-group";

    static final String BASE_GROUP = "comparison-service";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        int instance = instance(environment.getProperty(INSTANCE, "1"));
        environment.getPropertySources().addLast(new MapPropertySource("llmref comparison instance",
                Map.of(SOURCE_GROUP, sourceGroup(instance))));
    }

    /** The instance number a setting names; a clear error unless it is a positive whole number. */
    static int instance(String setting) {
        String value = setting.strip();
        try {
            int instance = Integer.parseInt(value);
            if (instance >= 1) {
                return instance;
            }
        } catch (NumberFormatException e) {
            // reported below, with the setting's name
        }
        throw new IllegalArgumentException(INSTANCE + " (LLMREF_INSTANCE) must be a whole number from 1 up, was '"
                + setting + "'");
    }

    /** The source bindings' consumer group of an instance. */
    static String sourceGroup(int instance) {
        return instance == 1 ? BASE_GROUP : BASE_GROUP + "-" + instance;
    }
}
