package org.llmreference.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTest {

    @ParameterizedTest(name = "U+{0} is refused as {1}")
    @CsvSource({
            "0007, control-characters", "007F, control-characters", "0085, control-characters",
            "061C, control-characters", "200B, control-characters", "200E, control-characters",
            "200F, control-characters", "202E, control-characters", "2066, control-characters",
            "2060, control-characters", "FEFF, control-characters", "E0041, control-characters",
            "E007F, control-characters", "2028, control-characters", "2029, control-characters",
            "FFFE, noncharacter", "FFFF, noncharacter", "FDD0, noncharacter", "FDEF, noncharacter",
            "1FFFF, noncharacter", "10FFFE, noncharacter",
            "D800, unpaired-surrogate", "DC00, unpaired-surrogate" })
    void refusesTheCharacterWhereverItIs(String hex, String rule) {
        String character = new String(Character.toChars(Integer.parseInt(hex, 16)));
        if (character.length() == 1 && Character.isSurrogate(character.charAt(0))) {
            character = String.valueOf((char) Integer.parseInt(hex, 16));
        }
        for (String text : new String[] { character + "gpt", "gpt" + character + "oss", "gpt" + character }) {
            FieldViolation violation = PlainText.problem("name", text);
            assertThat(violation).as(text).isNotNull();
            assertThat(violation.rule()).isEqualTo(rule);
            assertThat(violation.message()).contains("U+" + hex);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "gpt-oss-20b", "Qwen3.5 4B", "Ünïcödé", "通义千问", "\uD83D\uDE80 rocket", "a\u00A0b", "Mistral\u2019s" })
    void acceptsOrdinaryText(String text) {
        assertThat(PlainText.problem("name", text)).isNull();
        assertThat(PlainText.isBlank(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "\u3164", "\u3164\u3164", "\u2800", "\u115F\u1160", "\uFFA0", "\u00A0\u2003",
            "\u200B", "\u034F", "\uFE0F" })
    void textWithNothingVisibleIsBlank(String text) {
        assertThat(PlainText.isBlank(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "\u3164a", "\u2800x", ".", "\u3164\u0301" })
    void textWithOneVisibleCharacterIsNotBlank(String text) {
        assertThat(PlainText.isBlank(text)).isFalse();
    }
}
