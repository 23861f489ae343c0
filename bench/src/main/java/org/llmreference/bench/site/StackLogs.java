package org.llmreference.bench.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the bench stack's logs say went wrong: per log file, the ERROR and WARN lines, the threads
 * that died of an uncaught exception, and OutOfMemoryErrors. Read at the end of the run, so a figure
 * that looks odd can be matched with what the services logged.
 */
final class StackLogs {

    private StackLogs() {
    }

    /** One row per log file: name, ERROR lines, WARN lines, uncaught exceptions, OutOfMemoryErrors. */
    static List<List<String>> summary(Path logs) {
        List<List<String>> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.filter(file -> file.toString().endsWith(".log")).sorted().toList()) {
                long errors = 0;
                long warnings = 0;
                long uncaught = 0;
                long outOfMemory = 0;
                try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                    for (String line : (Iterable<String>) lines::iterator) {
                        if (line.contains(" ERROR ") || line.contains("\"ERROR\"")) {
                            errors++;
                        } else if (line.contains(" WARN ") || line.contains("\"WARN\"")) {
                            warnings++;
                        }
                        if (line.contains("Exception in thread")) {
                            uncaught++;
                        }
                        if (line.contains("OutOfMemoryError")) {
                            outOfMemory++;
                        }
                    }
                }
                rows.add(List.of(log.getFileName().toString(), String.valueOf(errors), String.valueOf(warnings),
                        String.valueOf(uncaught), String.valueOf(outOfMemory)));
            }
        } catch (IOException e) {
            rows.add(List.of("cannot read " + logs + ": " + e.getMessage(), "-", "-", "-", "-"));
        }
        return rows;
    }
}
