package org.llmreference.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ImportRunTest {

    private static final Instant START = Instant.parse("2026-05-22T09:00:00Z");

    @Test
    void finishesWhenEveryAnnouncedModelWasProcessed() {
        ImportRun run = ImportRun.start("run", "demo", 1000, START);

        ImportRun half = run.progressed(500, START.plusSeconds(5));
        ImportRun done = half.progressed(500, START.plusSeconds(9));

        assertThat(half.finished()).isFalse();
        assertThat(half.processed()).isEqualTo(500);
        assertThat(done.finished()).isTrue();
        assertThat(done.finishedAt()).isEqualTo(START.plusSeconds(9));
        assertThat(done.revision()).isEqualTo(3);
        assertThat(done.event().stored()).isEqualTo(1000);
        assertThat(done.event().expected()).isEqualTo(1000);
    }

    @Test
    void neverCountsMoreThanAnnouncedAndKeepsItsFirstFinishTime() {
        ImportRun done = ImportRun.start("run", null, 10, START).progressed(25, START.plusSeconds(1));
        ImportRun again = done.progressed(5, START.plusSeconds(2));

        assertThat(again.processed()).isEqualTo(10);
        assertThat(again.finishedAt()).isEqualTo(START.plusSeconds(1));
    }

    @Test
    void aRunOfNoModelsIsFinishedFromTheStart() {
        assertThat(ImportRun.start("run", null, 0, START).finished()).isTrue();
    }
}
