package org.llmreference.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class InfraSettingsTest {

    @Test
    void defaultsToTheDocumentedPortsAndFolder() {
        InfraSettings settings = InfraSettings.parse(new String[0], Map.of());

        assertThat(settings).isEqualTo(new InfraSettings(Path.of(".llmref/data"), 9092, 9093, 27017));
        assertThat(settings.kafkaDir()).isEqualTo(Path.of(".llmref/data/kafka"));
        assertThat(settings.mongoFile()).isEqualTo(Path.of(".llmref/data/mongo/llmref.mv.db"));
    }

    @Test
    void argumentsOverrideTheEnvironmentWhichOverridesTheDefaults() {
        InfraSettings settings = InfraSettings.parse(new String[] {"--kafka-port", "19092", "--data-dir", "here"},
                Map.of("LLMREF_KAFKA_PORT", "29092", "LLMREF_MONGO_PORT", "27018", "LLMREF_DATA_DIR", "there"));

        assertThat(settings).isEqualTo(new InfraSettings(Path.of("here"), 19092, 9093, 27018));
    }

    @Test
    void rejectsABadArgumentWithAMessageNamingIt() {
        assertThatThrownBy(() -> InfraSettings.parse(new String[] {"--mongo-port", "http"}, Map.of()))
                .hasMessage("--mongo-port must be a port number, not 'http'");
        assertThatThrownBy(() -> InfraSettings.parse(new String[] {"--kafka-port", "70000"}, Map.of()))
                .hasMessage("--kafka-port must be a port between 1 and 65535, not 70000");
        assertThatThrownBy(() -> InfraSettings.parse(new String[] {"--kafka-port"}, Map.of()))
                .hasMessage("missing value after --kafka-port");
        assertThatThrownBy(() -> InfraSettings.parse(new String[] {"--colour", "blue"}, Map.of()))
                .hasMessage("unknown option --colour");
        assertThatThrownBy(() -> InfraSettings.parse(new String[] {"start"}, Map.of()))
                .hasMessage("unexpected argument start");
    }

    @Test
    void rejectsABadEnvironmentVariableWithAMessageNamingIt() {
        assertThatThrownBy(() -> InfraSettings.parse(new String[0], Map.of("LLMREF_KAFKA_CONTROLLER_PORT", "")))
                .hasMessage("LLMREF_KAFKA_CONTROLLER_PORT must be a port number, not ''");
    }

    @Test
    void rejectsTwoServicesOnOnePort() {
        assertThatThrownBy(() -> InfraSettings.parse(new String[] {"--mongo-port", "9092"}, Map.of()))
                .hasMessage("the three ports must differ: Kafka 9092, Kafka controller 9093, MongoDB 9092");
    }
}
