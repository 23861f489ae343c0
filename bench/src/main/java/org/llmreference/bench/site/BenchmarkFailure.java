package org.llmreference.bench.site;

/**
 * The benchmarks cannot go on: the stack does not answer as it should, a tool failed, an input is
 * missing. Its message says what happened and where to look; the run stops with a non-zero exit.
 * A target that is missed is not a failure.
 */
public class BenchmarkFailure extends RuntimeException {

    public BenchmarkFailure(String message) {
        super(message);
    }

    public BenchmarkFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
