package org.llmreference.importing.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.importing.bundle.HistoryBundle;
import org.llmreference.importing.bundle.HistoryBundle.Step;
import org.llmreference.importing.bundle.RouteEntry;

class HistoryUploadTest {

    static Step step(String modelId, int day) {
        return new Step(Instant.parse("2025-06-01T00:00:00Z").plusSeconds(86_400L * day), HistoryBundle.APPLIED,
                String.format("%040x", day), "providers/acme/models/" + modelId + ".toml", new RouteEntry(modelId, "acme",
                        BigDecimal.ONE, BigDecimal.TEN, null, null, null, null, List.of(), null, null, null, null, null));
    }

    @Test
    void sendsEveryStepOfAModelInTheSamePartSoItsPriceListIsPublishedOnce() {
        List<Step> steps = new ArrayList<>();
        for (int day = 0; day < 3; day++) {
            steps.add(step("alpha", day));
        }
        for (int day = 0; day < 4; day++) {
            steps.add(step("beta", day));
        }
        steps.add(step("gamma", 0));

        List<HistoryBundle> parts = HistoryUpload.parts(new HistoryBundle("test", steps), 5);

        assertThat(parts).extracting(part -> part.steps().stream().map(s -> s.route().modelId()).distinct().toList())
                .containsExactly(List.of("alpha"), List.of("beta", "gamma"));
        assertThat(parts.stream().mapToInt(part -> part.steps().size()).sum()).isEqualTo(steps.size());
    }

    @Test
    void aModelWithMoreStepsThanAPartGoesAlone() {
        List<Step> steps = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            steps.add(step("alpha", day));
        }

        assertThat(HistoryUpload.parts(new HistoryBundle("test", steps), 5)).singleElement()
                .satisfies(part -> assertThat(part.steps()).hasSize(7));
    }
}
