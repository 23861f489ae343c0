package org.llmreference.page.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.llmreference.page.freshness.web.StaleHeader;
import org.springframework.mock.web.MockHttpServletResponse;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class FreshnessTest {

    final AtomicBoolean kafkaUp = new AtomicBoolean(true);
    final AtomicBoolean mongoUp = new AtomicBoolean(true);
    Instant now = Instant.parse("2026-12-04T09:30:02.400Z");
    final MeterRegistry meters = new SimpleMeterRegistry();
    final Freshness freshness = new Freshness(probes(), new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }, meters);

    private Map<String, BooleanSupplier> probes() {
        Map<String, BooleanSupplier> probes = new LinkedHashMap<>();
        probes.put("kafka", kafkaUp::get);
        probes.put("mongodb", () -> {
            if (!mongoUp.get()) {
                throw new IllegalStateException("Timed out while waiting for a server");
            }
            return true;
        });
        return probes;
    }

    @Test
    void pagesAreFreshWhileEveryDependencyAnswers() {
        freshness.check();

        MockHttpServletResponse response = new MockHttpServletResponse();
        StaleHeader.stamp(freshness, response);
        assertThat(response.getHeader(Freshness.HEADER)).isNull();
        assertThat(stale("kafka")).isZero();
        assertThat(stale("mongodb")).isZero();
    }

    @Test
    void saysSinceWhenEachDependencyIsUnreachableUntilItIsBack() {
        kafkaUp.set(false);
        freshness.check();
        now = now.plus(Duration.ofSeconds(5));
        mongoUp.set(false);
        freshness.check();
        now = now.plus(Duration.ofSeconds(10));
        freshness.check();

        MockHttpServletResponse response = new MockHttpServletResponse();
        StaleHeader.stamp(freshness, response);
        assertThat(response.getHeader(Freshness.HEADER))
                .isEqualTo("kafka unreachable since 2026-12-04T09:30:02Z, mongodb unreachable since 2026-12-04T09:30:07Z");
        assertThat(stale("kafka")).isEqualTo(15.4);
        assertThat(stale("mongodb")).isEqualTo(10.4);

        kafkaUp.set(true);
        freshness.check();
        assertThat(freshness.staleness()).isEqualTo("mongodb unreachable since 2026-12-04T09:30:07Z");
        assertThat(stale("kafka")).isZero();
        mongoUp.set(true);
        freshness.check();
        assertThat(freshness.staleness()).isNull();
        assertThat(stale("mongodb")).isZero();
    }

    private double stale(String dependency) {
        return meters.get("llmref.pages.stale.seconds").tag("dependency", dependency).gauge().value();
    }
}
