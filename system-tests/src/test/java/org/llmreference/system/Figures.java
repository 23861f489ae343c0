package org.llmreference.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** What a system test measured: printed, and kept in {@code target/figures.txt} for the record. */
final class Figures {

    private static final Path FILE = Path.of("target", "figures.txt");

    private Figures() {
    }

    /** Seconds since a {@link System#nanoTime()} reading. */
    static double secondsSince(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Sleeps between two polls of a condition that has a deadline of its own. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static synchronized void record(String format, Object... arguments) {
        String line = Instant.now() + " " + String.format(format, arguments);
        System.out.println(line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE, e);
        }
    }
}
