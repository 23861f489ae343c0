package org.llmreference.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {

    @ParameterizedTest
    @ValueSource(strings = { "gpt-oss-20b", "qwen3.5-4b", "a", "claude-sonnet-4-5", "o3", "vs", "a-vsb", "avs-b" })
    void acceptsCatalogIds(String id) {
        assertThat(Slugs.isValid(id)).isTrue();
        assertThat(Slugs.problem(id)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "GPT-4o", "-gpt", "gpt-", "gpt oss", "gpt/oss", "a-vs-b", "vs-b", "a-vs", "a..b", "ünïcode", "x\u0000y",
            "12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901" })
    void rejectsWhatIsNotASlug(String id) {
        assertThat(Slugs.isValid(id)).isFalse();
        assertThat(Slugs.problem(id)).isNotBlank();
    }
}
