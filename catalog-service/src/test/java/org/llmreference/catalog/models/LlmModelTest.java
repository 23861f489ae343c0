package org.llmreference.catalog.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.testsupport.Fixtures.aModelLike;
import static org.llmreference.testsupport.Models.aModel;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.contracts.catalog.ModelRetired;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.testsupport.Models;

class LlmModelTest {

    private final LlmModel stored = LlmModel.create(aModel("gpt-oss-20b")).after();

    @Test
    void startsAtRevisionOneNamingTheFieldsItKnows() {
        Change created = LlmModel.create(aModel("gpt-oss-20b"));

        assertThat(created.creates()).isTrue();
        assertThat(created.after().revision()).isEqualTo(1);
        assertThat(created.changedFields()).contains("id", "name", "capabilities", "status").doesNotContain("benchmarks",
                "retiresOn", "successorId");
        assertThat(created.event()).isInstanceOf(ModelChanged.class);
    }

    @Test
    void aStateEqualToTheStoredOneIsANoOpEvenWhenDecimalsAreWrittenDifferently() {
        ModelSnapshot same = withParameters(aModel("gpt-oss-20b"), new BigDecimal("20.50"));
        LlmModel twenty = LlmModel.create(withParameters(aModel("m"), new BigDecimal("20"))).after();

        assertThat(stored.replacedBy(same).isNoOp()).isTrue();
        assertThat(stored.replacedBy(same).after()).isSameAs(stored);
        assertThat(twenty.replacedBy(withParameters(aModel("m"), new BigDecimal("20.0"))).isNoOp()).isTrue();
        assertThat(twenty.replacedBy(withParameters(aModel("m"), new BigDecimal("2E+1"))).isNoOp()).isTrue();
        assertThat(twenty.state().parametersBillions().toPlainString()).isEqualTo("20");
    }

    @Test
    void aChangeIncrementsTheRevisionAndNamesExactlyTheTopLevelFieldsThatDiffer() {
        ModelSnapshot original = aModel("gpt-oss-20b");
        ModelSnapshot next = aModelLike(original).fromVendor("Acme").withContextWindow(262_144)
                .withDecisionTags("Agents", "RAG").withBenchmark("MMLU", "85.30", "%", true).build();

        Change change = stored.replacedBy(next);

        assertThat(change.after().revision()).isEqualTo(2);
        assertThat(change.changedFields()).as("reordered tags are a change: lists keep their order")
                .containsExactly("vendor", "contextWindow", "decisionTags", "benchmarks");
        assertThat(change.after().state().benchmarks().get(0).score().toPlainString()).isEqualTo("85.3");
    }

    @Test
    void retiringAnnouncesModelRetiredWithOnlyTheStatusChanged() {
        Change retirement = stored.retired();

        assertThat(retirement.event()).isInstanceOf(ModelRetired.class);
        assertThat(retirement.changedFields()).containsExactly("status");
        assertThat(retirement.after().status()).isEqualTo(ModelStatus.RETIRED);
        assertThat(retirement.after().retired().isNoOp()).as("retiring a retired model").isTrue();
    }

    @Test
    void bringingARetiredModelBackAnnouncesModelChanged() {
        LlmModel retired = stored.retired().after();

        Change back = retired.replacedBy(aModel("gpt-oss-20b"));

        assertThat(back.retires()).isFalse();
        assertThat(back.event()).isInstanceOf(ModelChanged.class);
        assertThat(back.changedFields()).containsExactly("status");
    }

    @Test
    void aModelCreatedRetiredIsAnnouncedAsRetired() {
        assertThat(LlmModel.create(Models.withStatus(aModel("old"), ModelStatus.RETIRED)).event()).isInstanceOf(ModelRetired.class);
    }

    private static ModelSnapshot withParameters(ModelSnapshot m, BigDecimal parameters) {
        return aModelLike(m).withParameters(parameters).build();
    }
}
