package org.llmreference.page.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.imports.ImportEvent;
import org.llmreference.contracts.imports.ImportProgressed;
import org.llmreference.page.rendering.CatalogLoad;

class CatalogLoadingTest {

    private static final Instant START = Instant.parse("2026-05-22T09:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final CatalogLoading loading = new CatalogLoading(clock, Duration.ofMinutes(10));

    @Test
    void showsTheNewestRunWhileItGoesOnAndNothingOnceItFinished() {
        assertThat(loading.current()).isEmpty();

        loading.apply(step("run-1", 500, 1177, START, null));
        assertThat(loading.current()).contains(new CatalogLoad(500, 1177));

        loading.apply(step("run-1", 1177, 1177, START, START.plusSeconds(40)));
        assertThat(loading.current()).isEmpty();
    }

    @Test
    void anOlderStepArrivingLateDoesNotBringTheBannerBack() {
        loading.apply(step("run-1", 1177, 1177, START, START.plusSeconds(40)));
        loading.apply(step("run-1", 500, 1177, START, null));

        assertThat(loading.current()).isEmpty();
    }

    @Test
    void aNewerRunReplacesAnOlderOneWhateverTheOrder() {
        loading.apply(step("run-2", 14, 100, START.plusSeconds(60), null));
        loading.apply(step("run-1", 1177, 1177, START, START.plusSeconds(40)));

        assertThat(loading.current()).contains(new CatalogLoad(14, 100));
    }

    @Test
    void followsALaterStepOfTheSameRunEvenWhenItsStartTimeIsWrittenLessPrecisely() {
        Instant precise = START.plusNanos(123_456_789);
        loading.apply(Envelope.startingChain(new ImportProgressed("run-1", "test", 3, 0, precise, precise, null),
                "run-1", 1, precise));
        loading.apply(Envelope.startingChain(new ImportProgressed("run-1", "test", 3, 1, START.plusMillis(123),
                START.plusSeconds(1), null), "run-1", 2, START.plusSeconds(1)));

        assertThat(loading.current()).contains(new CatalogLoad(1, 3));
    }

    @Test
    void aRunThatStoppedMovingCountsAsStalledAndTheBannerGoes() {
        loading.apply(step("run-1", 500, 1177, START, null));

        clock.now = START.plus(Duration.ofMinutes(9));
        assertThat(loading.current()).isPresent();
        clock.now = START.plus(Duration.ofMinutes(11));
        assertThat(loading.current()).isEmpty();
    }

    private Envelope<ImportEvent> step(String run, long stored, long expected, Instant startedAt, Instant finishedAt) {
        Instant updated = finishedAt != null ? finishedAt : startedAt.plusSeconds(stored / 100);
        return Envelope.startingChain(new ImportProgressed(run, "test", expected, stored, startedAt, updated, finishedAt),
                run, stored + 1, updated);
    }

    private static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
