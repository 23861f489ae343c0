package org.llmreference.importing.modelsdev;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParameterSizesTest {

    @ParameterizedTest
    @CsvSource({"gpt-oss-20b, 20", "qwen3.5-397b-a17b, 397", "llama-3.1-8b-instruct, 8", "gemma-3n-e4b, 4",
            "mixtral-8x7b, 56", "qwen2.5-1.5b, 1.5"})
    void readsTheNominalSizeFromTheId(String id, String billions) {
        assertThat(ParameterSizes.billions(id)).isEqualByComparingTo(billions);
    }

    @Test
    void knowsNoSizeWhenTheIdHasNone() {
        assertThat(ParameterSizes.billions("gpt-4o")).isNull();
        assertThat(ParameterSizes.billions("kimi-k2")).isNull();
    }
}
