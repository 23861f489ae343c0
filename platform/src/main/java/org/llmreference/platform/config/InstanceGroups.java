package org.llmreference.platform.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Derives a process's own consumer group, {@value #INSTANCE_GROUP}, from the service's name and its
 * instance number {@value #INSTANCE} (environment {@code LLMREF_INSTANCE}, 1 when unset).
 *
 * <p>A service whose every instance must see every event (comparison-service reads every catalog and
 * price change, because the pair graph needs every model; page-service reads every comparison, because
 * every instance serves every page) binds its inputs to this group. Instance 1 keeps the service's
 * name, so one instance behaves as before: its committed offsets and page-service's consistency audit
 * keep their names. Instance N consumes in {@code <service>-N}. Instance numbers are stable across
 * restarts, so a restarted instance resumes from its own offsets. An explicit
 * {@value #INSTANCE_GROUP} wins.
 */
public class InstanceGroups implements EnvironmentPostProcessor {

    static final String INSTANCE = "llmref.instance";

    static final String INSTANCE_GROUP = "llmref.instance-group";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String service = environment.getProperty("spring.application.name");
        if (service == null || environment.containsProperty(INSTANCE_GROUP)) {
            return;
        }
        int instance = instance(environment.getProperty(INSTANCE, "1"));
        environment.getPropertySources().addLast(new MapPropertySource("llmref instance group",
                Map.of(INSTANCE_GROUP, group(service, instance))));
    }

    /** The instance number a setting names; a clear error unless it is a positive whole number. */
    public static int instance(String setting) {
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

    /** The consumer group of one instance of a service. */
    static String group(String service, int instance) {
        return instance == 1 ? service : service + "-" + instance;
    }
}
