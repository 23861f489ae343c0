package org.llmreference.bench.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the figures were taken on: cores (nproc), memory (/proc/meminfo), CPU model (/proc/cpuinfo). */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return cores() + " cores (nproc), " + memory() + " memory, CPU " + cpuModel();
    }

    private static String cores() {
        try {
            Process nproc = new ProcessBuilder("nproc").redirectErrorStream(true).start();
            String output = new String(nproc.getInputStream().readAllBytes()).strip();
            if (nproc.waitFor(10, TimeUnit.SECONDS) && nproc.exitValue() == 0) {
                return output;
            }
        } catch (IOException e) {
            // nproc is missing: say so below, with what the JVM sees
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Runtime.getRuntime().availableProcessors() + " (nproc failed; the JVM's count)";
    }

    private static String memory() {
        Matcher total = Pattern.compile("^MemTotal:\\s+(\\d+) kB", Pattern.MULTILINE).matcher(read("/proc/meminfo"));
        return total.find() ? String.format(Locale.ROOT, "%.1f GB", Long.parseLong(total.group(1)) / 1024.0 / 1024.0) : "unknown";
    }

    private static String cpuModel() {
        Matcher model = Pattern.compile("^model name\\s*:\\s*(.+)$", Pattern.MULTILINE).matcher(read("/proc/cpuinfo"));
        return model.find() ? model.group(1).strip() : "unknown";
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
