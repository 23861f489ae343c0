package org.llmreference.page.rendering;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.llmreference.page.listing.Directory;

/**
 * {@code /models}: the directory's form, refilled with what the visitor asked, and one page of its
 * table; or, when a parameter is invalid, the form with each message next to its field and no table.
 *
 * @param values  the query parameters as given, to refill the form
 * @param errors  what is wrong, by parameter name; empty when the query is valid
 * @param result  the asked page; null when {@code errors} is not empty
 * @param vendors every vendor of a live model, for the vendor field's suggestions
 */
public record DirectoryPage(Map<String, String> values, Map<String, String> errors, Directory.Result result,
        List<String> vendors) {

    public DirectoryPage {
        values = values == null ? Map.of() : Map.copyOf(values);
        errors = errors == null ? Map.of() : Map.copyOf(errors);
        vendors = vendors == null ? List.of() : List.copyOf(vendors);
        if (errors.isEmpty()) {
            Objects.requireNonNull(result, "result");
        }
    }
}
