package org.llmreference.page.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

class GzipTest {

    static final byte[] PAGE = "<!doctype html><title>a vs b</title>".repeat(2_000).getBytes(StandardCharsets.UTF_8);

    @Test
    void inflatesStraightIntoAStreamWhatWasCompressed() throws IOException {
        byte[] gzip = Gzip.compress(PAGE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Gzip.inflateTo(gzip, out);

        assertThat(out.toByteArray()).isEqualTo(PAGE);
        assertThat(Gzip.decompress(gzip)).isEqualTo(PAGE);
    }

    @Test
    void readsTheUncompressedLengthFromTheTrailer() {
        assertThat(Gzip.uncompressedLength(Gzip.compress(PAGE))).isEqualTo(PAGE.length);
        assertThat(Gzip.uncompressedLength(Gzip.compress(new byte[0]))).isZero();
    }

    @Test
    void inflatesGzipWithAHeaderOfAnotherShapeToo() throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(plain)) {
            gzip.write(PAGE);
        }
        byte[] named = plain.toByteArray();
        named[3] = 0x08; // FNAME set: a file name follows the header
        byte[] withName = new byte[named.length + 2];
        System.arraycopy(named, 0, withName, 0, 10);
        withName[10] = 'a';
        withName[11] = 0;
        System.arraycopy(named, 10, withName, 12, named.length - 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Gzip.inflateTo(withName, out);

        assertThat(out.toByteArray()).isEqualTo(PAGE);
    }
}
