package org.llmreference.bench.site;

/**
 * A service did not answer a request within its timeout. While the site is loading, a busy service
 * may not; a benchmark that polls can count it and go on, where any other failure stops the run.
 */
public final class NoAnswer extends BenchmarkFailure {

    public NoAnswer(String message, Throwable cause) {
        super(message, cause);
    }
}
