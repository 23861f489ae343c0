package org.llmreference.page.listing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.llmreference.contracts.catalog.ModelStatus;

/**
 * What a visitor asks the directory, read from the query parameters of {@code /models} (and
 * {@code /models.json}). Every parameter is optional; an absent or empty one means "any".
 *
 * <ul>
 * <li>{@code vendor}: the vendor's name, any case;</li>
 * <li>{@code min_context}: at least this many tokens of context window;</li>
 * <li>{@code max_input}, {@code max_output}: cheapest price at most this many USD per 1M tokens;</li>
 * <li>each {@link Capability} ({@code tool_use}, {@code reasoning}, {@code vision}, ...) and
 * {@code open_weights}: {@code yes} or {@code no} (a model the catalog says nothing about matches
 * neither);</li>
 * <li>{@code released_from}, {@code released_to}: release date bounds, {@code YYYY-MM-DD}, inclusive;</li>
 * <li>{@code status}: {@code active} or {@code deprecated};</li>
 * <li>{@code sort} (a {@link DirectorySort}, {@code name} by default), {@code order} ({@code asc} or
 * {@code desc}), {@code page} (from 1).</li>
 * </ul>
 */
public record DirectoryQuery(
        String vendor,
        Integer minContext,
        BigDecimal maxInput,
        BigDecimal maxOutput,
        Map<Capability, Boolean> capabilities,
        Boolean openWeights,
        LocalDate releasedFrom,
        LocalDate releasedTo,
        ModelStatus status,
        DirectorySort sort,
        boolean descending,
        int page) {

    /** Rows per page. */
    public static final int PAGE_SIZE = 50;
    static final int MAX_VENDOR = 100;
    static final BigDecimal MAX_PRICE = BigDecimal.valueOf(1_000_000);

    public DirectoryQuery {
        capabilities = capabilities == null || capabilities.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(capabilities));
        sort = sort == null ? DirectorySort.NAME : sort;
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more");
        }
    }

    /** Every live model, by name, first page. */
    public static DirectoryQuery all() {
        return new DirectoryQuery(null, null, null, null, Map.of(), null, null, null, null, DirectorySort.NAME, false, 1);
    }

    /**
     * The query {@code parameters} ask for, or what is wrong with them.
     *
     * @return the query when every parameter is valid; the messages by parameter name otherwise
     */
    public static Reading read(Map<String, String> parameters) {
        Map<String, String> errors = new LinkedHashMap<>();
        Parameters given = new Parameters(parameters, errors);
        String vendor = given.text("vendor");
        Integer minContext = given.count("min_context");
        BigDecimal maxInput = given.price("max_input");
        BigDecimal maxOutput = given.price("max_output");
        Map<Capability, Boolean> capabilities = new EnumMap<>(Capability.class);
        for (Capability capability : Capability.values()) {
            Boolean wanted = given.yesNo(capability.parameter());
            if (wanted != null) {
                capabilities.put(capability, wanted);
            }
        }
        Boolean openWeights = given.yesNo("open_weights");
        LocalDate from = given.date("released_from");
        LocalDate to = given.date("released_to");
        if (from != null && to != null && from.isAfter(to)) {
            errors.put("released_to", "released_to must not be before released_from.");
        }
        ModelStatus status = given.status("status");
        DirectorySort sort = given.sort("sort");
        Boolean descending = given.order("order");
        Integer page = given.count("page");
        if (page != null && page < 1) {
            errors.put("page", "page must be 1 or more.");
        }
        if (!errors.isEmpty()) {
            return new Reading(null, Collections.unmodifiableMap(errors));
        }
        return new Reading(new DirectoryQuery(vendor, minContext, maxInput, maxOutput, capabilities, openWeights, from,
                to, status, sort, descending != null && descending, page == null ? 1 : page), Map.of());
    }

    /** Whether {@code row} passes every filter of this query (a live model: not retired). */
    public boolean matches(DirectoryRow row) {
        if (row.status() == ModelStatus.RETIRED) {
            return false;
        }
        if (vendor != null && (row.vendor() == null || !row.vendor().equalsIgnoreCase(vendor))) {
            return false;
        }
        if (minContext != null && (row.contextWindow() == null || row.contextWindow() < minContext)) {
            return false;
        }
        if (maxInput != null && (row.cheapestInput() == null || row.cheapestInput().compareTo(maxInput) > 0)) {
            return false;
        }
        if (maxOutput != null && (row.cheapestOutput() == null || row.cheapestOutput().compareTo(maxOutput) > 0)) {
            return false;
        }
        for (Map.Entry<Capability, Boolean> wanted : capabilities.entrySet()) {
            if (!wanted.getValue().equals(wanted.getKey().of(row.capabilities()))) {
                return false;
            }
        }
        if (openWeights != null && !openWeights.equals(row.openWeights())) {
            return false;
        }
        if (releasedFrom != null && (row.releaseDate() == null || row.releaseDate().isBefore(releasedFrom))) {
            return false;
        }
        if (releasedTo != null && (row.releaseDate() == null || row.releaseDate().isAfter(releasedTo))) {
            return false;
        }
        return status == null || row.status() == status;
    }

    /** This query at page {@code number}. */
    public DirectoryQuery atPage(int number) {
        return new DirectoryQuery(vendor, minContext, maxInput, maxOutput, capabilities, openWeights, releasedFrom,
                releasedTo, status, sort, descending, number);
    }

    /** This query sorted by {@code column} in the given order, from its first page. */
    public DirectoryQuery sortedBy(DirectorySort column, boolean inDescendingOrder) {
        return new DirectoryQuery(vendor, minContext, maxInput, maxOutput, capabilities, openWeights, releasedFrom,
                releasedTo, status, column, inDescendingOrder, 1);
    }

    /**
     * The parameters of this query in a fixed order, defaults left out (the first page, sort by name
     * ascending), so one query has one URL.
     */
    public Map<String, String> parameters() {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "vendor", vendor);
        put(out, "min_context", minContext);
        put(out, "max_input", maxInput == null ? null : maxInput.toPlainString());
        put(out, "max_output", maxOutput == null ? null : maxOutput.toPlainString());
        capabilities.forEach((capability, wanted) -> out.put(capability.parameter(), wanted ? "yes" : "no"));
        put(out, "open_weights", openWeights == null ? null : openWeights ? "yes" : "no");
        put(out, "released_from", releasedFrom);
        put(out, "released_to", releasedTo);
        put(out, "status", status == null ? null : status.name().toLowerCase(Locale.ROOT));
        if (sort != DirectorySort.NAME || descending) {
            out.put("sort", sort.parameter());
            out.put("order", descending ? "desc" : "asc");
        }
        if (page > 1) {
            out.put("page", Integer.toString(page));
        }
        return out;
    }

    /** {@code ?a=b&c=d} of {@link #parameters()} (empty for the default query), percent-encoded. */
    public String queryString() {
        Map<String, String> parameters = parameters();
        if (parameters.isEmpty()) {
            return "";
        }
        StringJoiner joined = new StringJoiner("&", "?", "");
        parameters.forEach((name, value) -> joined.add(name + "=" + encode(value)));
        return joined.toString();
    }

    private static void put(Map<String, String> out, String name, Object value) {
        if (value != null) {
            out.put(name, value.toString());
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The outcome of {@link #read}: the query, or null with at least one message by parameter name.
     */
    public record Reading(DirectoryQuery query, Map<String, String> errors) {

        public boolean valid() {
            return query != null;
        }
    }

    /** Reads the parameters one by one, noting what is wrong with each. */
    private record Parameters(Map<String, String> values, Map<String, String> errors) {

        String text(String name) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                return null;
            }
            String stripped = value.strip();
            if (stripped.length() > MAX_VENDOR) {
                errors.put(name, name + " must be at most " + MAX_VENDOR + " characters.");
                return null;
            }
            return stripped;
        }

        Integer count(String name) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            try {
                int count = Integer.parseInt(value);
                if (count < 0) {
                    errors.put(name, name + " must be a whole number of 0 or more, not “" + value + "”.");
                    return null;
                }
                return count;
            } catch (NumberFormatException e) {
                errors.put(name, name + " must be a whole number of 0 or more, not “" + value + "”.");
                return null;
            }
        }

        BigDecimal price(String name) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            try {
                BigDecimal price = new BigDecimal(value);
                if (price.signum() < 0 || price.compareTo(MAX_PRICE) > 0) {
                    errors.put(name, name + " must be a price in USD per 1M tokens between 0 and 1000000, not “"
                            + value + "”.");
                    return null;
                }
                return price;
            } catch (NumberFormatException e) {
                errors.put(name, name + " must be a price in USD per 1M tokens, e.g. 0.5, not “" + value + "”.");
                return null;
            }
        }

        Boolean yesNo(String name) {
            String value = text(name);
            if (value == null || value.equals("any")) {
                return null;
            }
            return switch (value) {
                case "yes" -> true;
                case "no" -> false;
                default -> {
                    errors.put(name, name + " must be yes, no or any, not “" + value + "”.");
                    yield null;
                }
            };
        }

        LocalDate date(String name) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                errors.put(name, name + " must be a date as YYYY-MM-DD, not “" + value + "”.");
                return null;
            }
        }

        ModelStatus status(String name) {
            String value = text(name);
            if (value == null || value.equals("any")) {
                return null;
            }
            return switch (value) {
                case "active" -> ModelStatus.ACTIVE;
                case "deprecated" -> ModelStatus.DEPRECATED;
                default -> {
                    errors.put(name, name + " must be active, deprecated or any, not “" + value + "”.");
                    yield null;
                }
            };
        }

        DirectorySort sort(String name) {
            String value = text(name);
            if (value == null) {
                return DirectorySort.NAME;
            }
            DirectorySort sort = DirectorySort.named(value);
            if (sort == null) {
                StringJoiner known = new StringJoiner(", ");
                for (DirectorySort column : DirectorySort.values()) {
                    known.add(column.parameter());
                }
                errors.put(name, name + " must be one of " + known + ", not “" + value + "”.");
            }
            return sort;
        }

        Boolean order(String name) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            return switch (value) {
                case "asc" -> false;
                case "desc" -> true;
                default -> {
                    errors.put(name, name + " must be asc or desc, not “" + value + "”.");
                    yield null;
                }
            };
        }
    }
}
