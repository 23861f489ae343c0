package org.llmreference.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CausedByTest {

    @AfterEach
    void clear() {
        MDC.remove(CausedBy.KEY);
    }

    @Test
    void putsTheCauseInTheLoggingContextUntilTheScopeCloses() {
        try (CausedBy.Scope scope = CausedBy.inLogs("edit-1")) {
            assertThat(MDC.get("causedBy")).isEqualTo("edit-1");
        }
        assertThat(MDC.get("causedBy")).isNull();
    }

    @Test
    void anInnerScopeGivesBackTheOuterCause() {
        try (CausedBy.Scope outer = CausedBy.inLogs("edit-1")) {
            try (CausedBy.Scope inner = CausedBy.inLogs("edit-2")) {
                assertThat(MDC.get("causedBy")).isEqualTo("edit-2");
            }
            assertThat(MDC.get("causedBy")).isEqualTo("edit-1");
        }
        assertThat(MDC.get("causedBy")).isNull();
    }

    @Test
    void anUnknownCauseKeepsTheOneAlreadyThere() {
        try (CausedBy.Scope outer = CausedBy.inLogs("edit-1")) {
            try (CausedBy.Scope inner = CausedBy.inLogs(null)) {
                assertThat(MDC.get("causedBy")).isEqualTo("edit-1");
            }
            assertThat(MDC.get("causedBy")).isEqualTo("edit-1");
        }
    }
}
