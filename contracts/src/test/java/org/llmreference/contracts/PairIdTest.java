package org.llmreference.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class PairIdTest {

    @Test
    void pairIdsReadEitherOrderAndRefuseWhatIsNotAPair() {
        assertThat(PairId.parse("qwen3.5-4b-vs-gpt-oss-20b")).isEqualTo(new PairId("gpt-oss-20b", "qwen3.5-4b"));
        assertThat(PairId.parse("gpt-oss-20b-vs-qwen3.5-4b").isWrittenAs("gpt-oss-20b-vs-qwen3.5-4b")).isTrue();
        assertThat(PairId.parse("qwen3.5-4b-vs-gpt-oss-20b").isWrittenAs("qwen3.5-4b-vs-gpt-oss-20b")).isFalse();
        for (String bad : List.of("gpt-oss-20b", "a-vs-a", "-vs-b", "A-vs-b", "a-vs-b-vs-c", "a-vs-")) {
            assertThatIllegalArgumentException().isThrownBy(() -> PairId.parse(bad))
                    .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
        }
    }
}
