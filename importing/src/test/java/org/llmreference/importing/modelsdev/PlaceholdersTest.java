package org.llmreference.importing.modelsdev;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void recognisesRoutersAndPlaceholdersByKeyOrName() {
        assertThat(Placeholders.isPlaceholder("auto", "Auto Router")).isTrue();
        assertThat(Placeholders.isPlaceholder("router", "Switchpoint Router")).isTrue();
        assertThat(Placeholders.isPlaceholder("custom", "Custom Model")).isTrue();
        assertThat(Placeholders.isPlaceholder("small", "Kilo Auto Small")).isTrue();
        assertThat(Placeholders.isPlaceholder("brave-pro", "Brave (Pro)")).isTrue();
        assertThat(Placeholders.isPlaceholder("tc-code-latest", "Auto")).isTrue();
    }

    @Test
    void leavesModelsWhoseNamesOnlyContainTheseWords() {
        assertThat(Placeholders.isPlaceholder("autoglm-phone-9b", "AutoGLM Phone 9B")).isFalse();
        assertThat(Placeholders.isPlaceholder("mistral-small", "Mistral Small")).isFalse();
        assertThat(Placeholders.isPlaceholder("gpt-4o-mini", "GPT-4o mini (free tier)")).isFalse();
        assertThat(Placeholders.isPlaceholder("deepseek-v3", null)).isFalse();
    }
}
