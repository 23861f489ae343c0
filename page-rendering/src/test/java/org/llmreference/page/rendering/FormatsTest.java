package org.llmreference.page.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void writesDollarsToTheCent() {
        assertThat(Formats.usd(new BigDecimal("59.00"))).isEqualTo("$59.00");
        assertThat(Formats.usd(new BigDecimal("59"))).isEqualTo("$59.00");
        assertThat(Formats.usd(new BigDecimal("1234567.891"))).isEqualTo("$1,234,567.89");
        assertThat(Formats.usd(new BigDecimal("0.005"))).isEqualTo("$0.01");
        assertThat(Formats.usd(new BigDecimal("0.004"))).isEqualTo("<$0.01");
        assertThat(Formats.usd(BigDecimal.ZERO)).isEqualTo("$0.00");
        assertThat(Formats.usd(new BigDecimal("-41.5"))).isEqualTo("-$41.50");
        assertThat(Formats.usd(null)).isEqualTo("-");
    }

    @Test
    void writesAxisTicksAndPrices() {
        assertThat(Formats.usdTick(new BigDecimal("200"))).isEqualTo("$200");
        assertThat(Formats.usdTick(new BigDecimal("2E+3"))).isEqualTo("$2,000");
        assertThat(Formats.usdTick(new BigDecimal("0.250"))).isEqualTo("$0.25");
        assertThat(Formats.usdTick(new BigDecimal("0.5"))).isEqualTo("$0.50");
        assertThat(Formats.usdTick(new BigDecimal("0.005"))).isEqualTo("$0.005");
        assertThat(Formats.price(new BigDecimal("0.0300"))).isEqualTo("$0.03");
        assertThat(Formats.price(new BigDecimal("0.075"))).isEqualTo("$0.075");
        assertThat(Formats.price(new BigDecimal("15"))).isEqualTo("$15.00");
    }

    @Test
    void writesTrafficCompactly() {
        assertThat(Formats.compact(10_000)).isEqualTo("10k");
        assertThat(Formats.compact(1_000_000)).isEqualTo("1M");
        assertThat(Formats.compact(2_500_000)).isEqualTo("2.5M");
        assertThat(Formats.compact(3_000_000_000L)).isEqualTo("3B");
        assertThat(Formats.compact(950)).isEqualTo("950");
        assertThat(Formats.count(1_000_000)).isEqualTo("1,000,000");
        assertThat(Formats.percent(new BigDecimal("0.125"))).isEqualTo("12.5%");
    }

    @Test
    void writesFreshnessNeverNegative() {
        Instant t = Instant.parse("2026-05-22T10:00:00Z");
        assertThat(Formats.seconds(t, t)).isEqualTo("0.0 s");
        assertThat(Formats.seconds(t, t.plusMillis(49))).isEqualTo("0.0 s");
        assertThat(Formats.seconds(t, t.plusMillis(420))).isEqualTo("0.4 s");
        assertThat(Formats.seconds(t, t.plusMillis(9_940))).isEqualTo("9.9 s");
        assertThat(Formats.seconds(t, t.plusMillis(9_950))).isEqualTo("10 s");
        assertThat(Formats.seconds(t, t.plusSeconds(3_600))).isEqualTo("3,600 s");
        assertThat(Formats.seconds(t, t.minusSeconds(5))).isEqualTo("0.0 s");
    }
}
