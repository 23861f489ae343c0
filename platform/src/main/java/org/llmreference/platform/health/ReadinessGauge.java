package org.llmreference.platform.health;

import java.util.function.Supplier;

import org.springframework.boot.health.contributor.Status;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code llmref.health.readiness} ({@code llmref_health_readiness}): 1 while the service's readiness
 * group ({@code /actuator/health/readiness}) is UP, 0 while it is anything else, so Prometheus can
 * alert on a service that runs but cannot serve. It asks the readiness group at each scrape, with
 * whatever the group holds; when there is no readiness group to ask, the gauge reads NaN (absent in
 * Prometheus), never a made-up 1.
 */
public final class ReadinessGauge implements MeterBinder {

    public static final String METER = "llmref.health.readiness";

    private final Supplier<Status> readiness;

    /** @param readiness the readiness group's status, {@code null} when there is none */
    public ReadinessGauge(Supplier<Status> readiness) {
        this.readiness = readiness;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(METER, this, ReadinessGauge::value)
                .description("1 when the readiness group (/actuator/health/readiness) is UP, else 0")
                .register(registry);
    }

    double value() {
        Status status = readiness.get();
        if (status == null) {
            return Double.NaN;
        }
        return Status.UP.equals(status) ? 1 : 0;
    }
}
