package org.llmreference.page.rendering;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the golden page to target/golden.html, to look at in a browser. */
final class GoldenFile {

    private GoldenFile() {
    }

    static void write(String html) throws Exception {
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("golden.html"), html, StandardCharsets.UTF_8);
    }
}
