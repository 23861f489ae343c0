package org.llmreference.page.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;

/**
 * Compresses once at the best level (pages are compressed once and served many times), and inflates
 * for the few clients that refuse gzip: straight into the response, with one inflater and one buffer
 * per thread, so serving the plain page allocates nothing.
 */
public final class Gzip {

    /** The header {@link GZIPOutputStream} writes: magic, deflate, no flags, no time, no extra fields. */
    private static final int HEADER = 10;
    /** CRC-32 and the length of the uncompressed bytes (modulo 2^32), little-endian. */
    private static final int TRAILER = 8;
    private static final int BUFFER = 16 * 1024;

    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(() -> new Inflater(true));
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[BUFFER]);

    private Gzip() {
    }

    public static byte[] compress(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 4));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress in memory", e);
        }
        return out.toByteArray();
    }

    public static byte[] decompress(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decompress a stored page", e);
        }
    }

    /** How many bytes {@code gzip} inflates to, from its trailer (pages are far below 4 GB). */
    public static int uncompressedLength(byte[] gzip) {
        int at = gzip.length - 4;
        return (gzip[at] & 0xff) | (gzip[at + 1] & 0xff) << 8 | (gzip[at + 2] & 0xff) << 16 | (gzip[at + 3] & 0xff) << 24;
    }

    /** Writes what {@code gzip} inflates to into {@code out}. */
    public static void inflateTo(byte[] gzip, OutputStream out) throws IOException {
        if (!hasPlainHeader(gzip)) {
            out.write(decompress(gzip));
            return;
        }
        Inflater inflater = INFLATER.get();
        byte[] buffer = BUFFERS.get();
        inflater.reset();
        inflater.setInput(gzip, HEADER, gzip.length - HEADER - TRAILER);
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("truncated gzip data");
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IOException("corrupt gzip data", e);
        }
    }

    /** Whether {@code gzip} starts with the fixed header of {@link GZIPOutputStream} (so the deflate data follows at once). */
    private static boolean hasPlainHeader(byte[] gzip) {
        return gzip.length > HEADER + TRAILER && (gzip[0] & 0xff) == 0x1f && (gzip[1] & 0xff) == 0x8b && gzip[2] == 8
                && gzip[3] == 0;
    }
}
