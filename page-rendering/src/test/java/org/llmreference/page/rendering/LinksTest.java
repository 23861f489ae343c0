package org.llmreference.page.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LinksTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://openrouter.ai/openai/gpt-oss-20b", "http://example.com", "HTTPS://Example.com/a?b=c#d",
            "https://example.com/a'b"})
    void linksAbsoluteHttpUrls(String url) {
        assertThat(Links.external(url)).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "javascript://example.com/%0aalert(1)",
            "data:text/html,x", "vbscript:x", "mailto:a@example.com", "ftp://example.com/", "/relative", "relative",
            "//example.com/x", "https:opaque", "http://", "https://exa mple.com", "https://example.com/\"><x", "",
            " https://example.com"})
    void showsEverythingElseAsText(String url) {
        assertThat(Links.external(url)).isNull();
    }

    @Test
    void encodesIdsAsOnePathSegment() {
        assertThat(PageRenderer.comparePath("gpt-oss-20b-vs-qwen3.5-4b")).isEqualTo("/compare/gpt-oss-20b-vs-qwen3.5-4b");
        assertThat(PageRenderer.modelPath("a/b?c#d e%")).isEqualTo("/models/a%2Fb%3Fc%23d%20e%25");
        assertThat(PageRenderer.modelPath("é")).isEqualTo("/models/%C3%A9");
        assertThat(PageRenderer.modelPath("..")).isEqualTo("/models/%2E%2E");
        assertThat(Links.segment("x\"'<>")).isEqualTo("x%22%27%3C%3E");
    }
}
