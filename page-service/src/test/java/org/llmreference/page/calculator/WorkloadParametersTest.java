package org.llmreference.page.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmreference.comparison.engine.EngineSettings;
import org.llmreference.contracts.comparison.TrafficProfile;

class WorkloadParametersTest {

    private static final TrafficProfile PAGE = EngineSettings.DEFAULT_PROFILE;

    @Test
    void readsAWorkloadWithSharesInPercent() {
        WorkloadParameters read = WorkloadParameters.read(Map.of("requests", "25000", "input", "12000", "output", "700",
                "cached", "12.5", "long", "0", "batch", "100"), PAGE);

        assertThat(read.profile().requestsPerMonth()).isEqualTo(25_000);
        assertThat(read.profile().inputTokensPerRequest()).isEqualTo(12_000);
        assertThat(read.profile().outputTokensPerRequest()).isEqualTo(700);
        assertThat(read.profile().cachedInputShare()).isEqualByComparingTo("0.125");
        assertThat(read.profile().longContextShare()).isEqualByComparingTo("0");
        assertThat(read.profile().effectiveBatchShare()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(read.workload().custom()).isTrue();
        assertThat(read.workload().errors()).isEmpty();
    }

    @Test
    void keepsThePagesValueForAParameterLeftOut() {
        WorkloadParameters read = WorkloadParameters.read(Map.of("requests", "5"), PAGE);

        assertThat(read.profile().requestsPerMonth()).isEqualTo(5);
        assertThat(read.profile().inputTokensPerRequest()).isEqualTo(800);
        assertThat(read.profile().outputTokensPerRequest()).isEqualTo(250);
        assertThat(read.workload().input()).isEqualTo("800");
    }

    @Test
    void saysWhichValueIsWrongAndKeepsWhatTheVisitorWrote() {
        WorkloadParameters read = WorkloadParameters.read(Map.of("requests", "-3", "input", "1e6", "output", "99999999",
                "cached", "101", "long", "abc", "batch", "12.34567"), PAGE);

        assertThat(read.profile()).isNull();
        assertThat(read.workload().errors()).containsOnlyKeys("requests", "input", "output", "cached", "long", "batch");
        assertThat(read.workload().error("requests")).isEqualTo("Enter a whole number from 0 to 1,000,000,000,000.");
        assertThat(read.workload().error("output")).isEqualTo("Enter a whole number from 0 to 10,000,000.");
        assertThat(read.workload().error("cached")).isEqualTo("Enter a percentage from 0 to 100.");
        assertThat(read.workload().requests()).isEqualTo("-3");
        assertThat(read.workload().longContext()).isEqualTo("abc");
    }
}
