package org.llmreference.page.listing;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/** The columns the directory sorts by; a row without the value sorts last in either order. */
public enum DirectorySort {
    NAME("name", "Model", row -> row.name().toLowerCase(Locale.ROOT)),
    VENDOR("vendor", "Vendor", row -> row.vendor() == null ? null : row.vendor().toLowerCase(Locale.ROOT)),
    CONTEXT("context", "Context window", DirectoryRow::contextWindow),
    INPUT("input", "Cheapest input", DirectoryRow::cheapestInput),
    OUTPUT("output", "Cheapest output", DirectoryRow::cheapestOutput),
    RELEASED("released", "Released", DirectoryRow::releaseDate),
    STATUS("status", "Status", DirectoryRow::status),
    REPRICED("repriced", "Last repriced", DirectoryRow::lastRepricedAt);

    private static final Comparator<DirectoryRow> TIE_BREAK = Comparator
            .comparing((DirectoryRow row) -> row.name().toLowerCase(Locale.ROOT)).thenComparing(DirectoryRow::id);

    private final String parameter;
    private final String label;
    private final Function<DirectoryRow, Comparable<?>> key;

    <T extends Comparable<? super T>> DirectorySort(String parameter, String label, Function<DirectoryRow, T> key) {
        this.parameter = parameter;
        this.label = label;
        this.key = key::apply;
    }

    /** The value of the {@code sort} parameter, e.g. {@code output}. */
    public String parameter() {
        return parameter;
    }

    public String label() {
        return label;
    }

    /** The order of rows, ascending or descending by this column, nulls last either way, then by name and id. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Comparator<DirectoryRow> comparator(boolean descending) {
        Comparator<Comparable> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Comparator<DirectoryRow> byKey = Comparator.comparing(row -> (Comparable) key.apply(row),
                Comparator.nullsLast(values));
        return byKey.thenComparing(TIE_BREAK);
    }

    /** The sort named {@code parameter}, or null. */
    static DirectorySort named(String parameter) {
        for (DirectorySort sort : values()) {
            if (sort.parameter.equals(parameter)) {
                return sort;
            }
        }
        return null;
    }
}
