package org.llmreference.page.facts;

/** Lets tests of other packages say the view has caught up, as its reader does. */
public final class FactsViewAccess {

    private FactsViewAccess() {
    }

    public static void markCaughtUp(FactsView view) {
        view.markCaughtUp();
    }
}
