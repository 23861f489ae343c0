package org.llmreference.importing.modelsdev;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchKeysTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "openrouter, openai/gpt-oss-20b:free, gpt-oss-20b",
            "amazon-bedrock, us.anthropic.claude-sonnet-4-5-20250929-v1:0, claude-sonnet-4-5-20250929",
            "amazon-bedrock, openai.gpt-oss-20b-1:0, gpt-oss-20b",
            "amazon-bedrock, deepseek.v3.2, deepseek-v3-2",
            "google-vertex, claude-sonnet-4-5@20250929, claude-sonnet-4-5-20250929",
            "google-vertex, claude-opus-4-6@default, claude-opus-4-6",
            "google-vertex, openai/gpt-oss-20b-maas, gpt-oss-20b",
            "ollama-cloud, gpt-oss:20b, gpt-oss-20b",
            "fireworks-ai, accounts/fireworks/models/kimi-k2p6, kimi-k2-6",
            "digitalocean, openai-gpt-oss-20b, gpt-oss-20b",
            "togetherai, meta-llama/Llama-3.3-70B-Instruct-Turbo, llama-3-3-70b",
            "groq, llama-3.3-70b-versatile, llama-3-3-70b",
            "nebius, Qwen/Qwen3-235B-A22B-fast, qwen-3-235b-a22b",
            "openrouter, anthropic/claude-3.5-sonnet, claude-sonnet-3-5",
            "lmstudio, qwen/qwen3-30b-a3b-mlx-4bit, qwen-3-30b-a3b",
            "nano-gpt, TEE/gpt-oss-20b, gpt-oss-20b",
            "openai, gpt-4o-2024-08-06, gpt-4o-20240806",
            "google, gemini-2.5-flash-preview-05-20, gemini-2-5-flash-preview-0520",
            "openai, gpt-4o-latest, gpt-4o",
            "anyone, grok-4-fast, grok-4-fast",
    })
    void reducesIdsToMatchKeys(String provider, String id, String expected) {
        assertThat(MatchKeys.of(provider, id).withDate()).isEqualTo(expected);
    }

    @Test
    void keepsWhatTellsRoutesApartAsTags() {
        assertThat(MatchKeys.of("openrouter", "openai/gpt-oss-20b:free").tags()).containsExactly("free");
        assertThat(MatchKeys.of("amazon-bedrock", "eu.anthropic.claude-haiku-4-5-20251001-v1:0").tags()).containsExactly("region:eu");
        assertThat(MatchKeys.of("nano-gpt", "TEE/gpt-oss-20b").tags()).containsExactly("tee");
        assertThat(MatchKeys.of("openai", "gpt-4o").tags()).isEmpty();
    }

    @Test
    void splitsOffTheSnapshotDate() {
        MatchKeys.Key key = MatchKeys.of("anthropic", "claude-sonnet-4-5-20250929");
        assertThat(key.base()).isEqualTo("claude-sonnet-4-5");
        assertThat(key.date()).isEqualTo("20250929");
        assertThat(MatchKeys.of("x", "qwen3-235b-a22b-2507").date()).as("a YYMM stamp is not a date").isNull();
    }
}
