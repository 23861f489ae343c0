package org.llmreference.importing.modelsdev;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaseClaimsTest {

    @ParameterizedTest(name = "{0} claims {1}: {2}")
    @CsvSource({
            "gpt-oss-20b, gpt-oss-20b, true",
            "venice-gpt-54, gpt-5.4, true",
            "gemini-3-pro, gemini-3-pro-preview, true",
            "nemotron-3-super, nemotron-3-super-120b-a12b, true",
            "qwen3-235b-a22b-instruct-2507, qwen3-235b-a22b, false",
            "deepseek-r1-distill-qwen-32b, deepseek-r1, false",
            "mistral-small-3.2-24b, mistral-small-3.1-12b, false",
            "claude-sonnet-4, claude-sonnet-4-5, false",
            "mimo-v2.5, mimo-v2.5-pro, false",
    })
    void acceptsAClaimUnlessTheProviderIdNamesSomethingElse(String providerId, String baseId, boolean compatible) {
        assertThat(BaseClaims.compatible(MatchKeys.of("x", providerId.replace("venice-", "")), MatchKeys.of(null, baseId)))
                .isEqualTo(compatible);
    }
}
