package org.llmreference.bench.site.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WrkResultTest {

    private static final String CLEAN_RUN = """
            Running 30s test @ http://127.0.0.1:18080
              2 threads and 64 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     2.35ms    1.20ms  30.00ms   90.00%
                Req/Sec    13.80k     1.20k   16.00k    70.00%
              Latency Distribution
                 50%  812.00us
                 75%    2.80ms
                 90%    3.50ms
                 99%    6.25ms
              825000 requests in 30.00s, 1.20GB read
            Requests/sec:  27500.12
            Transfer/sec:     40.00MB
            """;

    private static final String RUN_WITH_ERRORS = """
            Running 1s test @ http://127.0.0.1:18080/compare/nope-vs-nope2
              1 threads and 2 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   254.83ms   89.48ms    1.02s   83.33%
                Req/Sec     9.50      7.55    20.00     75.00%
              Latency Distribution
                 50%  311.03ms
                 75%  326.95ms
                 90%  339.31ms
                 99%    1.02s
              6 requests in 1.01s, 8.99KB read
              Socket errors: connect 0, read 2, write 0, timeout 3
              Non-2xx or 3xx responses: 6
            Requests/sec:      5.97
            Transfer/sec:      8.94KB
            """;

    @Test
    void readsThroughputAndLatencyPercentilesInMilliseconds() {
        WrkResult result = WrkResult.parse(CLEAN_RUN);

        assertThat(result.requestsPerSecond()).isEqualTo(27500.12);
        assertThat(result.p50Millis()).isCloseTo(0.812, within(1e-9));
        assertThat(result.p99Millis()).isEqualTo(6.25);
        assertThat(result.requests()).isEqualTo(825_000);
        assertThat(result.seconds()).isEqualTo(30.0);
        assertThat(result.non2xx3xx()).isZero();
        assertThat(result.socketErrors()).isZero();
    }

    @Test
    void countsErrorResponsesAndSocketErrorsAndReadsSeconds() {
        WrkResult result = WrkResult.parse(RUN_WITH_ERRORS);

        assertThat(result.p99Millis()).isEqualTo(1020.0);
        assertThat(result.non2xx3xx()).isEqualTo(6);
        assertThat(result.socketErrors()).isEqualTo(5);
    }

    @Test
    void convertsEveryUnitWrkWrites() {
        assertThat(WrkResult.millis("250", "us")).isEqualTo(0.25);
        assertThat(WrkResult.millis("1.5", "s")).isEqualTo(1500.0);
        assertThat(WrkResult.millis("2", "m")).isEqualTo(120_000.0);
        assertThat(WrkResult.millis("1", "h")).isEqualTo(3_600_000.0);
    }

    @Test
    void refusesARunWithoutLatencyDistribution() {
        String withoutLatency = CLEAN_RUN.replaceAll("(?s)  Latency Distribution.*?99%[^\\n]*\\n", "");

        assertThatThrownBy(() -> WrkResult.parse(withoutLatency)).hasMessageContaining("--latency");
    }

    @Test
    void refusesOutputThatIsNotAReport() {
        assertThatThrownBy(() -> WrkResult.parse("unable to connect to 127.0.0.1:18080 Connection refused"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Connection refused");
    }
}
