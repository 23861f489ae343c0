package org.llmreference.page.reach;

import com.mongodb.client.MongoDatabase;

/** The pages-reached store on a database of a test's own, for tests outside this package. */
public final class PagesReachedOn {

    private PagesReachedOn() {
    }

    public static PagesReached database(MongoDatabase database) {
        return new PagesReached(database);
    }
}
