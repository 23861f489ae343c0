package org.llmreference.page.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptEncodingTest {

    @Test
    void takesGzipWhenListedWithAWeightAboveZero() {
        assertThat(AcceptEncoding.allowsGzip("gzip")).isTrue();
        assertThat(AcceptEncoding.allowsGzip("gzip, deflate, br, zstd")).isTrue();
        assertThat(AcceptEncoding.allowsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(AcceptEncoding.allowsGzip("x-gzip")).isTrue();
    }

    @Test
    void refusesGzipWhenAbsentOrWeightedZero() {
        assertThat(AcceptEncoding.allowsGzip(null)).isFalse();
        assertThat(AcceptEncoding.allowsGzip("")).isFalse();
        assertThat(AcceptEncoding.allowsGzip("identity")).isFalse();
        assertThat(AcceptEncoding.allowsGzip("br, deflate")).isFalse();
        assertThat(AcceptEncoding.allowsGzip("gzip;q=0")).isFalse();
        assertThat(AcceptEncoding.allowsGzip("gzip;q=0.000, *")).isFalse();
        assertThat(AcceptEncoding.allowsGzip("gzip;q=nonsense")).isFalse();
    }

    @Test
    void takesGzipUnderAWildcardUnlessRefusedByName() {
        assertThat(AcceptEncoding.allowsGzip("*")).isTrue();
        assertThat(AcceptEncoding.allowsGzip("br, *;q=0.1")).isTrue();
        assertThat(AcceptEncoding.allowsGzip("*;q=0")).isFalse();
    }
}
