package org.llmreference.page.comparisons;

import com.mongodb.client.MongoDatabase;

/** The comparisons store on a database of a test's own, for tests outside this package. */
public final class ComparisonsOn {

    private ComparisonsOn() {
    }

    public static Comparisons database(MongoDatabase database) {
        return new Comparisons(database);
    }
}
