package org.llmreference.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.llmreference.platform.outbox.OutboxRelayException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A request whose publishing to Kafka failed (a service that publishes before it answers, during a
 * broker outage) answers 503 with {@code Retry-After}, not a 500.
 */
class MessagingOutageProblemTest {

    @RestController
    static class Publishing {

        @PostMapping("/publish")
        void publish() {
            throw new IllegalStateException("the change failed",
                    new OutboxRelayException("could not publish comparison.ComparisonChanged.v1 a--b"));
        }

        @PostMapping("/fault")
        void fault() {
            throw new IllegalStateException("a fault of ours");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Publishing())
            .setControllerAdvice(new ProblemHandling()).build();

    @Test
    void aFailedPublishAnswers503WithRetryAfterAndAProblem() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/publish")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("messaging-unavailable").contains("Kafka cannot be reached")
                .doesNotContain("OutboxRelayException").doesNotContain("at org.");
    }

    @Test
    void anyOtherFaultIsStillA500() throws Exception {
        assertThat(mvc.perform(post("/fault")).andReturn().getResponse().getStatus()).isEqualTo(500);
    }
}
