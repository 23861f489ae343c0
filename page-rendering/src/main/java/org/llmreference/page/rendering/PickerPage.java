package org.llmreference.page.rendering;

import java.util.List;

/**
 * The picker on a page of its own: what the visitor typed and what is wrong with it.
 *
 * @param a           the first field as typed (null when empty)
 * @param b           the second field as typed
 * @param errorA      what is wrong with the first field; null when nothing
 * @param errorB      what is wrong with the second field
 * @param suggestions the model ids the fields suggest
 */
public record PickerPage(String a, String b, String errorA, String errorB, List<String> suggestions) {

    public PickerPage {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }
}
