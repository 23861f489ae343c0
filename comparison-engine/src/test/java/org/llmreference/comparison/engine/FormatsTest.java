package org.llmreference.comparison.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {

    @ParameterizedTest
    @CsvSource({
            "131072, 131k", "262144, 262k", "128000, 128k", "8192, 8k", "4096, 4k", "500, 1k", "999499, 999k",
            "1048576, 1M", "1047576, 1M", "2000000, 2M", "1500000, 1.5M", "1950000, 2M", "1949999, 1.9M"})
    void writesTokenCountsTheWayPeopleSayThem(long tokens, String text) {
        assertThat(Formats.tokens(tokens)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({
            "0.03, $0.03/1M tokens", "0.140, $0.14/1M tokens", "0.075, $0.075/1M tokens", "10, $10.00/1M tokens",
            "2.5, $2.50/1M tokens", "0.0375, $0.0375/1M tokens", "0, $0.00/1M tokens", "1E+1, $10.00/1M tokens"})
    void writesPricesPerMillionTokensWithAtLeastTwoDecimals(String price, String text) {
        assertThat(Formats.pricePerMTok(new BigDecimal(price))).isEqualTo(text);
    }

    @Test
    void writesPricesInProseWithoutTheTokensWord() {
        assertThat(Formats.pricePerM(new BigDecimal("0.03"))).isEqualTo("$0.03/1M");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "59; $59.00", "59.00; $59.00", "1234.5; $1,234.50", "1234567.891; $1,234,567.89", "0.005; $0.01", "0; $0.00"})
    void writesMoneyInDollarsAndCentsWithGrouping(String amount, String text) {
        assertThat(Formats.money(new BigDecimal(amount))).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"20, 20B", "4, 4B", "0.5, 0.5B", "685, 685B", "20.00, 20B", "1000, 1T", "1500, 1.5T", "999.5, 999.5B"})
    void writesParameterCountsInBillionsOrTrillions(String billions, String text) {
        assertThat(Formats.parameters(new BigDecimal(billions))).isEqualTo(text);
    }

    @Test
    void listsInProseWithTheOxfordComma() {
        assertThat(Texts.list(List.of())).isEmpty();
        assertThat(Texts.list(List.of("X"))).isEqualTo("X");
        assertThat(Texts.list(List.of("X", "Y"))).isEqualTo("X and Y");
        assertThat(Texts.list(List.of("X", "Y", "Z"))).isEqualTo("X, Y, and Z");
        assertThat(Texts.list(List.of("W", "X", "Y", "Z"))).isEqualTo("W, X, Y, and Z");
    }

    @Test
    void countsInTheSingularForOne() {
        assertThat(Texts.count(1, "row", "rows")).isEqualTo("1 row");
        assertThat(Texts.count(0, "row", "rows")).isEqualTo("0 rows");
        assertThat(Texts.count(9, "row", "rows")).isEqualTo("9 rows");
    }
}
