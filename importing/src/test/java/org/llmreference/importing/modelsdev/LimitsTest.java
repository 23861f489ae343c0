package org.llmreference.importing.modelsdev;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void keepsAnOutputLimitWithinTheContextWindow() {
        assertThat(new ModelAssembler.Limits(131_072, 131_072).output()).isEqualTo(131_072);
        assertThat(new ModelAssembler.Limits(null, 8_192).output()).isEqualTo(8_192);
    }

    @Test
    void dropsAnOutputLimitAboveTheContextWindowAsUnknown() {
        ModelAssembler.Limits limits = new ModelAssembler.Limits(16_384, 32_768);

        assertThat(limits.context()).isEqualTo(16_384);
        assertThat(limits.output()).isNull();
    }
}
