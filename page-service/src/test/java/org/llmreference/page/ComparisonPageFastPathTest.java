package org.llmreference.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.llmreference.page.DemoComparisons.changed;
import static org.llmreference.page.DemoComparisons.compare;
import static org.llmreference.page.DemoComparisons.repriced;
import static org.llmreference.page.DemoComparisons.side;
import static org.llmreference.page.DemoComparisons.uniqueTag;
import static org.llmreference.page.Visitor.header;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmreference.comparison.engine.Side;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.page.http.PlainCopies;
import org.llmreference.testsupport.EventSender;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TestTokens;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.env.Environment;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Visitors' requests for comparison pages are answered ahead of the filter chain; a request with a
 * token (which the bearer-token filter must judge) still goes through Spring Security and Spring MVC.
 * Both must answer alike: status, every header but {@code Date}, and body.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ComparisonPageFastPathTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String OPS = "Bearer " + TestTokens.OPS;

    @Autowired
    Environment environment;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PlainCopies plainCopies;

    Side sideA;
    Side sideB;
    Comparison comparison;
    String path;

    @BeforeEach
    void publish(TestInfrastructure infrastructure) {
        String tag = uniqueTag();
        sideA = side("gpt-oss-20b", tag);
        sideB = side("qwen3.5-4b", tag);
        comparison = compare(sideA, sideB);
        path = "/compare/" + comparison.pairId();
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            sender.send(changed(comparison, 1, List.of()));
        }
        await().atMost(WAIT).until(() -> visitor().revisionOf(path) == 1);
    }

    @Test
    void answersPagesAsTheWholeChainDoes() {
        String etag = header(visitor().get(path), "ETag");
        String gzipEtag = header(visitor().get(path, "Accept-Encoding", "gzip"), "ETag");
        String lastModified = header(visitor().get(path), "Last-Modified");
        String reversed = "/compare/" + comparison.modelB().id() + "-vs-" + comparison.modelA().id();
        List<String[]> requests = List.of(
                new String[] { "GET", path },
                new String[] { "GET", path, "Accept-Encoding", "gzip, deflate, br" },
                new String[] { "GET", path, "Accept-Encoding", "gzip;q=0, br" },
                new String[] { "HEAD", path },
                new String[] { "HEAD", path, "Accept-Encoding", "gzip" },
                new String[] { "GET", path, "If-None-Match", etag },
                new String[] { "GET", path, "If-None-Match", gzipEtag, "Accept-Encoding", "gzip" },
                new String[] { "GET", path, "If-None-Match", "\"0-nothing\", " + etag },
                new String[] { "GET", path, "If-None-Match", "\"0-nothing\"", "If-Modified-Since", lastModified },
                new String[] { "GET", path, "If-Modified-Since", lastModified },
                new String[] { "GET", path, "If-Modified-Since", "Thu, 01 Jan 2015 00:00:00 GMT" },
                new String[] { "HEAD", path, "If-None-Match", etag },
                new String[] { "GET", path + "?utm_source=feed" },
                new String[] { "GET", reversed },
                new String[] { "HEAD", reversed });

        for (String[] request : requests) {
            String method = request[0];
            String[] headers = java.util.Arrays.copyOfRange(request, 2, request.length);
            HttpResponse<byte[]> fast = visitor().send(method, request[1], headers);
            HttpResponse<byte[]> chain = visitor().send(method, request[1], withToken(headers));

            String what = String.join(" ", request);
            assertThat(fast.statusCode()).as(what).isEqualTo(chain.statusCode());
            assertThat(headersBut(fast, "date")).as(what).isEqualTo(headersBut(chain, "date"));
            assertThat(fast.body()).as(what).isEqualTo(chain.body());
        }
        assertThat(visitor().get(path).statusCode()).isEqualTo(200);
        assertThat(visitor().get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(visitor().get(reversed).statusCode()).isEqualTo(301);
    }

    @Test
    void answersANewerRevisionWithItsOwnBytesOnceTheOlderOnesPlainCopyIsKept(TestInfrastructure infrastructure) {
        HttpResponse<byte[]> first = visitor().get(path);
        HttpResponse<byte[]> again = visitor().get(path);
        assertThat(again.body()).as("the kept copy").isEqualTo(first.body());
        assertThat(plainCopies.held(header(first, "ETag"))).isNotNull();
        Comparison repriced = compare(repriced(sideA, "2"), sideB);

        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            sender.send(changed(repriced, 2, List.of("pricing", "monthlyCost")));
        }
        await().atMost(WAIT).until(() -> visitor().revisionOf(path) == 2);

        HttpResponse<byte[]> fast = visitor().get(path);
        HttpResponse<byte[]> chain = visitor().send("GET", path, "Authorization", OPS);
        assertThat(fast.body()).as("revision 2, not the copy of revision 1").isNotEqualTo(first.body())
                .isEqualTo(chain.body());
        assertThat(header(fast, "ETag")).startsWith("\"2-").isEqualTo(header(chain, "ETag"));
        assertThat(visitor().get(path).body()).as("revision 2's own copy").isEqualTo(chain.body());
    }

    @Test
    void writesAPageAndItsHeadersInOneSocketWrite(@Autowired WebServerApplicationContext context) {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();

        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString(Integer.toString(64 * 1024));
    }

    @Test
    void answersAtTheHeadOfTomcatsEnginePipelineAheadOfTheWebApplication(@Autowired WebServerApplicationContext context) {
        Valve first = ((TomcatWebServer) context.getWebServer()).getTomcat().getEngine().getPipeline().getFirst();

        assertThat(first.getClass().getSimpleName()).isEqualTo("ComparisonPageFastPath");
    }

    @Test
    void addsTheHeadersSpringSecurityAddsToEveryOtherAnswer() {
        Map<String, List<String>> page = visitor().get(path).headers().map();
        Map<String, List<String>> front = visitor().get("/").headers().map();

        for (String name : List.of("x-content-type-options", "x-xss-protection", "x-frame-options",
                "strict-transport-security", "pragma", "expires")) {
            assertThat(page.get(name)).as(name).isEqualTo(front.get(name));
        }
        assertThat(page.get("x-frame-options")).containsExactly("DENY");
    }

    @Test
    void countsServedPagesInHttpServerRequestsUnderTheirRoute() {
        double before = served(200);

        visitor().get(path);

        // recorded once the answer is written, so possibly just after the visitor has it
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(served(200)).isEqualTo(before + 1));
        assertThat(meters.find("http.server.requests").tag("uri", path).timer()).as("no tag per page").isNull();
    }

    @Test
    void leavesAComparisonsJsonToThePublicApi() {
        org.llmreference.contracts.PairId pair = org.llmreference.contracts.PairId.parse(comparison.pairId());

        HttpResponse<byte[]> reversed = visitor().get("/compare/" + pair.b() + "-vs-" + pair.a() + ".json");
        HttpResponse<byte[]> json = visitor().get(path + ".json");

        assertThat(reversed.statusCode()).isEqualTo(301);
        assertThat(header(reversed, "Location")).isEqualTo(path + ".json");
        assertThat(header(json, "Content-Type")).as("not the page").startsWith("application/");
        assertThat(header(json, "Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void leavesAnUnknownTokenToTheBearerTokenFilter() {
        HttpResponse<byte[]> refused = visitor().get(path, "Authorization", "Bearer " + TestTokens.UNKNOWN);

        assertThat(refused.statusCode()).isEqualTo(401);
    }

    private double served(int status) {
        var timer = meters.find("http.server.requests").tag("uri", "/compare/{pairId}").tag("method", "GET")
                .tag("status", Integer.toString(status)).timer();
        return timer == null ? 0 : timer.count();
    }

    private static String[] withToken(String[] headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        all.add("Authorization");
        all.add(OPS);
        return all.toArray(String[]::new);
    }

    private static Map<String, List<String>> headersBut(HttpResponse<?> response, String left) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        headers.remove(left);
        return headers;
    }

    private Visitor visitor() {
        return new Visitor(environment.getProperty("local.server.port"));
    }
}
