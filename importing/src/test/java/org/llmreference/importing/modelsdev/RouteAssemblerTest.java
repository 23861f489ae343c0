package org.llmreference.importing.modelsdev;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteAssemblerTest {

    @ParameterizedTest
    @CsvSource({"0.049999999999999996, 0.05", "2.50, 2.5", "100, 100", "0.0000001234567890123, 0.0000001235", "0.00000000004, 0", "0, 0"})
    void roundsToTenSignificantDigitsAndTenDecimalPlacesWithoutTrailingZeros(String raw, String expected) {
        assertThat(RouteAssembler.round(new BigDecimal(raw)).toPlainString()).isEqualTo(new BigDecimal(expected).stripTrailingZeros().toPlainString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"zai-coding-plan", "alibaba-token-plan-cn", "kimi-for-coding"})
    void treatsSubscriptionPlansAsUnpriced(String providerId) {
        assertThat(RouteAssembler.isSubscriptionPlan(providerId)).isTrue();
    }
}
