package org.llmreference.page.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RepresentationTest {

    @Test
    void holdsItsHeaderValuesAsSpringWritesThem() {
        Instant renderedAt = Instant.parse("2026-11-06T04:39:23.456Z");
        Representation page = Representation.of(Representation.HTML, "<p>page</p>", "3", renderedAt);
        HttpHeaders spring = new HttpHeaders();
        spring.setLastModified(renderedAt);
        spring.setContentType(Representation.HTML);

        assertThat(page.lastModifiedValue()).isEqualTo(spring.getFirst(HttpHeaders.LAST_MODIFIED))
                .isEqualTo("Fri, 06 Nov 2026 04:39:23 GMT");
        assertThat(page.contentTypeValue()).isEqualTo(spring.getFirst(HttpHeaders.CONTENT_TYPE));
        assertThat(page.etag()).matches("\"3-[0-9a-f]{16}\"");
        assertThat(page.gzipEtag()).isEqualTo(page.etag().replaceFirst("\"$", "-gzip\""));
        assertThat(page.isHtml()).isTrue();
    }

    @Test
    void knowsThePlainLengthWithoutThePlainBytes() {
        Representation full = Representation.of(Representation.HTML, "<p>caf\u00e9</p>".repeat(100), "1", null);
        Representation gzipOnly = new Representation(Representation.HTML, full.gzip(), null, full.etag(), null);

        assertThat(gzipOnly.plainLength()).isEqualTo(full.plain().length);
        assertThat(gzipOnly.plainBytes()).isEqualTo(full.plain());
        assertThat(gzipOnly.weight()).isLessThan(full.weight());
    }
}
