package org.llmreference.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ServerHttpObservationFilter;

import io.micrometer.common.KeyValue;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

@ExtendWith(OutputCaptureExtension.class)
class AcceptedEditsTest {

    final MockHttpServletRequest request = new MockHttpServletRequest("PATCH", "/api/models/qwen3.5-4b");
    final MockHttpServletResponse response = new MockHttpServletResponse();
    final ServerRequestObservationContext observation = new ServerRequestObservationContext(request, response);

    AcceptedEditsTest() {
        request.setAttribute(ServerHttpObservationFilter.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE, observation);
    }

    @Test
    void anAcceptedEditIsLoggedAndTagsTheRequestSpanWithItsCausedBy(CapturedOutput output) throws Exception {
        new AcceptedEdits().doFilter(request, response, new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) {
                res.setHeader("ETag", "\"7\"");
                res.setHeader("X-Caused-By", "3f2c9d4e-edit");
            }
        }));

        assertThat(output).contains("accepted PATCH /api/models/qwen3.5-4b rev 7 -> 200 causedBy=3f2c9d4e-edit");
        assertThat(observation.getHighCardinalityKeyValues()).contains(KeyValue.of("causedBy", "3f2c9d4e-edit"));
    }

    @Test
    void aWriteThatStartedNothingIsNeitherLoggedNorTagged(CapturedOutput output) throws Exception {
        new AcceptedEdits().doFilter(request, response, new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) {
                res.setHeader("ETag", "\"7\"");
            }
        }));

        assertThat(output).doesNotContain("accepted PATCH");
        assertThat(observation.getHighCardinalityKeyValues()).isEmpty();
    }
}
