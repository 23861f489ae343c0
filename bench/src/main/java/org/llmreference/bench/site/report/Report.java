package org.llmreference.bench.site.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The Markdown report, written as the benchmarks go: headings, paragraphs, tables and one line per
 * checked target. Each outcome is also kept, so the summary at the end can list them all.
 */
public final class Report {

    private final StringBuilder markdown = new StringBuilder();
    private final List<Target.Outcome> outcomes = new ArrayList<>();

    public Report heading(int level, String text) {
        markdown.append("#".repeat(level)).append(' ').append(text).append("\n\n");
        return this;
    }

    public Report paragraph(String text) {
        markdown.append(text).append("\n\n");
        return this;
    }

    public Report bullets(List<String> items) {
        items.forEach(item -> markdown.append("- ").append(item).append('\n'));
        markdown.append('\n');
        return this;
    }

    /** A table; every row must have as many cells as the header. A pipe in a cell is escaped. */
    public Report table(List<String> header, List<List<String>> rows) {
        row(header);
        markdown.append('|').append("---|".repeat(header.size())).append('\n');
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " cells in a table of " + header.size()
                        + " columns: " + row);
            }
            row(row);
        }
        markdown.append('\n');
        return this;
    }

    /** One MET or MISSED line. */
    public Report outcome(Target.Outcome outcome) {
        outcomes.add(outcome);
        return bullets(List.of(outcome.line()));
    }

    public List<Target.Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    public String markdown() {
        return markdown.toString();
    }

    private void row(List<String> cells) {
        markdown.append('|');
        for (String cell : cells) {
            markdown.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        markdown.append('\n');
    }
}
