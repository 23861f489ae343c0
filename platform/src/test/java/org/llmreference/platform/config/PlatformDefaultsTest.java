package org.llmreference.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class PlatformDefaultsTest {

    @Test
    void logsReadableTextUnlessAskedForJson() {
        MockEnvironment environment = new MockEnvironment();

        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
    }

    @Test
    void jsonLogsAreEcsOnTheConsole() {
        MockEnvironment environment = new MockEnvironment().withProperty("LLMREF_LOG_FORMAT", "json");

        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void anExplicitStructuredFormatWins() {
        MockEnvironment environment = new MockEnvironment().withProperty("LLMREF_LOG_FORMAT", "json")
                .withProperty("logging.structured.format.console", "logstash");

        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
    }

    @Test
    void exportsSpansToZipkinOnlyWhenACollectorIsNamed() {
        MockEnvironment quiet = new MockEnvironment();
        MockEnvironment exporting = new MockEnvironment().withProperty("LLMREF_ZIPKIN_ENDPOINT", "http://zipkin:9411/api/v2/spans");

        new PlatformDefaults().postProcessEnvironment(quiet, new SpringApplication());
        new PlatformDefaults().postProcessEnvironment(exporting, new SpringApplication());

        assertThat(quiet.getProperty("management.tracing.export.zipkin.enabled")).isEqualTo("false");
        assertThat(exporting.getProperty("management.tracing.export.zipkin.enabled")).isEqualTo("true");
        assertThat(exporting.getProperty("management.tracing.export.zipkin.endpoint")).isEqualTo("http://zipkin:9411/api/v2/spans");
    }

    @Test
    void namesEveryFormatItKnowsAndRefusesOthers() {
        assertThat(PlatformDefaults.structuredFormat(null)).isNull();
        assertThat(PlatformDefaults.structuredFormat(" Text ")).isNull();
        assertThat(PlatformDefaults.structuredFormat("ECS")).isEqualTo("ecs");
        assertThat(PlatformDefaults.structuredFormat("logstash")).isEqualTo("logstash");
        assertThat(PlatformDefaults.structuredFormat("gelf")).isEqualTo("gelf");
        assertThatIllegalArgumentException().isThrownBy(() -> PlatformDefaults.structuredFormat("xml"))
                .withMessageContaining("LLMREF_LOG_FORMAT");
    }
}
