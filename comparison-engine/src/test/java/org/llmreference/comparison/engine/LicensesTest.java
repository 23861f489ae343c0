package org.llmreference.comparison.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.comparison.engine.Sides.aModel;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LicensesTest {

    @Test
    void labelsTheSourcedLicenseElseTheWeightsFlag() {
        assertThat(Licenses.label(aModel("x").withLicense("Apache 2.0").withOpenWeights(false).model())).isEqualTo("Apache 2.0");
        assertThat(Licenses.label(aModel("x").withOpenWeights(true).model())).isEqualTo("Open Weights");
        assertThat(Licenses.label(aModel("x").withOpenWeights(false).model())).isEqualTo("Proprietary");
        assertThat(Licenses.label(aModel("x").withLicense(" ").model())).isNull();
        assertThat(Licenses.label(aModel("x").model())).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Apache 2.0", "MIT", "mit", "MIT-0", "BSD-3-Clause", "GPL-3.0", "AGPL-3.0", "LGPL", "MPL-2.0",
            "ISC", "The Unlicense", "CC-BY-4.0", "CC0-1.0"})
    void countsOpenSourceLicensesAsFullyOpen(String license) {
        assertThat(Licenses.openness(aModel("x").withLicense(license).model())).isEqualByComparingTo("1.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Limited commercial license", "Permitted use policy", "Llama 3.3 Community License",
            "Sample terms", "Discretionary license", "Gemma Terms of Use"})
    void doesNotFindLicenceNamesInsideOtherWords(String license) {
        assertThat(Licenses.namesOpenSourceLicense(license)).isFalse();
    }

    @Test
    void scoresOpenWeightsClosedWeightsAndUnknown() {
        assertThat(Licenses.openness(aModel("x").withLicense("Llama 3.3 Community License").withOpenWeights(true).model()))
                .isEqualByComparingTo(new BigDecimal("0.60"));
        assertThat(Licenses.openness(aModel("x").withOpenWeights(true).model())).isEqualByComparingTo("0.60");
        assertThat(Licenses.openness(aModel("x").withOpenWeights(false).model())).isEqualByComparingTo("0.20");
        assertThat(Licenses.openness(aModel("x").withLicense("Proprietary").model())).isEqualByComparingTo("0.20");
        assertThat(Licenses.openness(aModel("x").model())).isNull();
    }
}
