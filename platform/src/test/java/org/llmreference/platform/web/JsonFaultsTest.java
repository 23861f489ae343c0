package org.llmreference.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/** The strict body rules of {@link WebAutoConfiguration}, and how each fault is named. */
class JsonFaultsTest {

    record Tier(@JsonProperty(required = true) long aboveTokens, BigDecimal price) {
    }

    record Body(@JsonProperty(required = true) String name, Integer contextWindow, BigDecimal price, Boolean open,
            List<Tier> tiers) {
    }

    static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                    DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT).disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).addModule(new TextRules()).build();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\": |body|malformed-json",
            "{\"name\":\"x\"} {} |body|malformed-json",
            "{\"name\":\"x\",\"name\":\"y\"}|name|duplicate-field",
            "{\"name\":\"x\",\"colour\":\"red\"}|colour|unknown-field",
            "{\"name\":\"x\",\"tiers\":[{\"aboveTokens\":1,\"extra\":1}]}|tiers[0].extra|unknown-field",
            "{\"contextWindow\":5}|name|required",
            "{\"name\":5}|name|type",
            "{\"name\":\"x\",\"contextWindow\":\"5\"}|contextWindow|type",
            "{\"name\":\"x\",\"contextWindow\":1.5}|contextWindow|type",
            "{\"name\":\"x\",\"price\":\"NaN\"}|price|type",
            "{\"name\":\"x\",\"open\":1}|open|type",
            "{\"name\":\"x\",\"tiers\":{}}|tiers|type",
            "{\"name\":\"a\\u0007b\"}|name|control-characters",
            "{\"name\":\"a\\uffffb\"}|name|noncharacter",
            "{\"name\":\"a\\ud800b\"}|name|unpaired-surrogate",
            "{\"name\":\"a\\u061cb\"}|name|control-characters",
            "{\"name\":\"\\ufeffab\"}|name|control-characters",
            "{\"name\":\"x\",\"tiers\":[{\"price\":1}]}|tiers[0].aboveTokens|required",
    })
    void namesTheFieldAndTheRuleOfEveryFault(String json, String field, String rule) {
        FieldViolation violation = fault(json);

        assertThat(violation.field()).isEqualTo(field);
        assertThat(violation.rule()).isEqualTo(rule);
        assertThat(violation.message()).isNotBlank();
    }

    private static FieldViolation fault(String json) {
        try {
            STRICT.readValue(json, Body.class);
        } catch (JacksonException e) {
            return JsonFaults.describe(e);
        }
        throw new AssertionError("accepted: " + json);
    }
}
