package org.llmreference.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class LostRacesTest {

    @Test
    void triesAgainAfterALostRaceAndStopsAtTheFirstWin() {
        AtomicInteger tries = new AtomicInteger();

        Optional<String> result = LostRaces.retry(3, () -> tries.incrementAndGet() < 2 ? Optional.empty() : Optional.of("stored"));

        assertThat(result).contains("stored");
        assertThat(tries).hasValue(2);
    }

    @Test
    void givesUpAfterTheLastAttemptLost() {
        AtomicInteger tries = new AtomicInteger();

        Optional<String> result = LostRaces.retry(2, () -> {
            tries.incrementAndGet();
            return Optional.empty();
        });

        assertThat(result).isEmpty();
        assertThat(tries).hasValue(2);
    }

    @Test
    void refusesZeroAttempts() {
        assertThatThrownBy(() -> LostRaces.retry(0, Optional::empty)).isInstanceOf(IllegalArgumentException.class);
    }
}
