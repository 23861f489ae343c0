package org.llmreference.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryStringsTest {

    @ParameterizedTest
    @ValueSource(strings = { "q=%ff", "%ff=1", "x=%ff&y=1", "q=%zz", "q=%", "q=%f", "q=%e2%82", "q=%c3%28", "q=%ed%a0%80" })
    void refusesWhatIsNotPercentEncodedUtf8(String query) {
        assertThat(QueryStrings.problem(query)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "q=qwen", "q=gpt+oss", "q=%C3%A9t%C3%A9", "model=gpt-oss-20b&size=100", "q=%e2%82%ac", "q=%F0%9F%9A%80", "q=" })
    void acceptsValidQueries(String query) {
        assertThat(QueryStrings.problem(query)).isNull();
    }

    @Test
    void namesTheEscapesThatAreWrong() {
        assertThat(QueryStrings.problem("a=1&q=%ff")).isEqualTo("'%ff' does not encode UTF-8 text");
        assertThat(QueryStrings.problem(null)).isNull();
    }
}
