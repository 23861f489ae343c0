package org.llmreference.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EditReasonTest {

    @Test
    void decodesPercentEncodedUtf8() {
        assertThat(EditReason.decode("Price%20cut%20%E2%80%93%20see%20the%20vendor%27s%20blog"))
                .isEqualTo("Price cut – see the vendor's blog");
        assertThat(EditReason.decode("plain-ascii_is.fine")).isEqualTo("plain-ascii_is.fine");
    }

    @Test
    void anAbsentOrBlankReasonIsNone() {
        assertThat(EditReason.decode(null)).isNull();
        assertThat(EditReason.decode("  ")).isNull();
        assertThat(EditReason.decode("%20%E3%80%80")).isNull();
    }

    @Test
    void acceptsFiveHundredCharactersAndRefusesMore() {
        assertThat(EditReason.decode("%F0%9F%92%B6".repeat(500))).hasSize(1000);
        assertThatThrownBy(() -> EditReason.decode("a".repeat(501))).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.violations().get(0).rule()).isEqualTo("too-long"));
    }

    @Test
    void refusesBadEncodingNamingTheHeader() {
        for (String bad : new String[] { "50%", "%zz", "%C3", "%FF", "caf\u00e9" }) {
            assertThatThrownBy(() -> EditReason.decode(bad)).as(bad).isInstanceOfSatisfying(ApiProblem.class, problem -> {
                assertThat(problem.status().value()).isEqualTo(400);
                assertThat(problem.violations().get(0).field()).isEqualTo(EditReason.HEADER);
                assertThat(problem.violations().get(0).rule()).isEqualTo("percent-encoding");
            });
        }
    }

    @Test
    void refusesControlAndInvisibleFormattingCharacters() {
        for (String bad : new String[] { "two%0Alines", "bidi%E2%80%AEtrick", "nul%00" }) {
            assertThatThrownBy(() -> EditReason.decode(bad)).as(bad).isInstanceOfSatisfying(ApiProblem.class,
                    problem -> assertThat(problem.violations().get(0).rule()).isEqualTo("control-characters"));
        }
    }

    @Test
    void theCurrentReasonLastsForItsScope() {
        assertThat(EditReason.current()).isEmpty();
        try (EditReason.Scope outer = EditReason.during("outer")) {
            try (EditReason.Scope inner = EditReason.during("inner")) {
                assertThat(EditReason.current()).hasValue("inner");
            }
            assertThat(EditReason.current()).hasValue("outer");
        }
        assertThat(EditReason.current()).isEmpty();
    }
}
