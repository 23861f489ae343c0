package org.llmreference.platform.web;

import java.io.IOException;

/** Raised while reading a request body that is larger than the endpoint accepts (413). */
public final class PayloadTooLarge extends IOException {

    public PayloadTooLarge(long limit) {
        super("the body must be at most " + limit + " bytes");
    }

    /** The first {@code PayloadTooLarge} in the cause chain of {@code e}, or {@code null}. */
    static PayloadTooLarge in(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof PayloadTooLarge tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
