package org.llmreference.page.freshness.web;

import org.llmreference.page.freshness.Freshness;

import jakarta.servlet.http.HttpServletResponse;

/** Adds {@link Freshness#HEADER} to an answer while the pages may be stale. */
public final class StaleHeader {

    private StaleHeader() {
    }

    public static void stamp(Freshness freshness, HttpServletResponse response) {
        String value = freshness.staleness();
        if (value != null) {
            response.setHeader(Freshness.HEADER, value);
        }
    }
}
