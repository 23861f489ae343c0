package org.llmreference.importing.bundle;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes a {@link CatalogBundle} as JSON, in the style of the event wire format: absent
 * means unknown (no nulls written), decimals written plainly and read exactly, dates as ISO-8601
 * strings. Unlike events, a bundle is strict: an unknown field is a mistake in the file and is
 * refused, so a typo never silently drops a price. A bundle may be gzip-compressed (read whatever the
 * file is called, written when the file name ends in {@code .gz}), as the shipped snapshot is.
 */
public final class Bundles {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion
                    .withValueInclusion(JsonInclude.Include.NON_NULL)
                    .withContentInclusion(JsonInclude.Include.NON_NULL))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Bundles() {
    }

    /** The mapper behind the bundle format, for code that writes parts of a bundle (import chunks). */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads a bundle file, plain or gzip-compressed (told by its first two bytes).
     *
     * @throws IllegalArgumentException naming the file and the JSON path when the file is not a bundle
     */
    public static CatalogBundle read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static CatalogBundle read(InputStream in) {
        return read(in, "bundle");
    }

    private static InputStream unzipped(InputStream raw, String what) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first == 0x1f && second == 0x8b) {
            try {
                return new GZIPInputStream(in);
            } catch (IOException e) {
                throw new IllegalArgumentException(what + " looks gzip-compressed but is not a valid gzip file: " + e.getMessage(), e);
            }
        }
        return in;
    }

    public static CatalogBundle read(byte[] json) {
        try {
            return check(MAPPER.readValue(json, CatalogBundle.class), "bundle");
        } catch (JacksonException e) {
            throw unreadable("bundle", e);
        }
    }

    private static CatalogBundle read(InputStream raw, String what) {
        try (InputStream in = unzipped(raw, what)) {
            return check(MAPPER.readValue(in, CatalogBundle.class), what);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " cannot be read as a catalog bundle: " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw unreadable(what, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " is not a catalog bundle: " + e.getMessage(), e);
        }
    }

    public static byte[] toBytes(CatalogBundle bundle) {
        return MAPPER.writeValueAsBytes(bundle);
    }

    public static String toJson(CatalogBundle bundle) {
        return MAPPER.writeValueAsString(bundle);
    }

    public static void write(CatalogBundle bundle, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (file.getFileName().toString().endsWith(".gz")) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                    out.write(toBytes(bundle));
                }
            } else {
                Files.write(file, toBytes(bundle));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static CatalogBundle check(CatalogBundle bundle, String what) {
        if (bundle == null) {
            throw new IllegalArgumentException(what + " is empty: expected a JSON object with providers, models and routes");
        }
        return bundle;
    }

    private static IllegalArgumentException unreadable(String what, JacksonException e) {
        String where = e.getPath().isEmpty() ? "" : " at " + jsonPath(e);
        return new IllegalArgumentException(what + " is not a valid catalog bundle" + where + ": "
                + e.getOriginalMessage(), e);
    }

    /** {@code $.routes[3].inputPricePerMTok} from Jackson's reference chain. */
    private static String jsonPath(JacksonException e) {
        StringBuilder path = new StringBuilder("$");
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append('.').append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
