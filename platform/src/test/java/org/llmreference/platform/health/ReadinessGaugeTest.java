package org.llmreference.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ReadinessGaugeTest {

    final AtomicReference<Status> readiness = new AtomicReference<>(Status.UP);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void followsTheReadinessGroupAtEachRead() {
        new ReadinessGauge(readiness::get).bindTo(meters);

        assertThat(gauge()).isEqualTo(1.0);
        readiness.set(Status.DOWN);
        assertThat(gauge()).isEqualTo(0.0);
        readiness.set(Status.OUT_OF_SERVICE);
        assertThat(gauge()).isEqualTo(0.0);
        readiness.set(Status.UP);
        assertThat(gauge()).isEqualTo(1.0);
    }

    @Test
    void readsNaNWithoutAReadinessGroup() {
        readiness.set(null);
        new ReadinessGauge(readiness::get).bindTo(meters);

        assertThat(gauge()).isNaN();
    }

    private double gauge() {
        return meters.get(ReadinessGauge.METER).gauge().value();
    }
}
