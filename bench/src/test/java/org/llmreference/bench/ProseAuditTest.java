package org.llmreference.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The audit recognises the sentences the real catalog used to produce, and passes their fixed forms. */
class ProseAuditTest {

    @Test
    void findsEqualValuesPhrasedAsAContrast() {
        assertThat(ProseAudit.contrastsEqualValues("Agent Max ships a 1M-token context window, while Claw Low ships a"
                + " 1M-token context window.", "Agent Max", "Claw Low")).isTrue();
        assertThat(ProseAudit.contrastsEqualValues("A has $0.10/1M input tokens and B has $0.10/1M input tokens.", "A", "B"))
                .isTrue();
    }

    @Test
    void passesDifferentValuesAndValuesSaidOnce() {
        assertThat(ProseAudit.contrastsEqualValues("gpt-oss-20b ships a 131k-token context window, while Qwen3.5-4B ships a"
                + " 262k-token context window.", "gpt-oss-20b", "Qwen3.5-4B")).isFalse();
        assertThat(ProseAudit.contrastsEqualValues("Both ship a 1M-token context window.", "A", "B")).isFalse();
    }
}
