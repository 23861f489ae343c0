package org.llmreference.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class InfraMainSettingsTest {

    @Test
    void defaultsToTheDocumentedPortsAndFolder() {
        InfraMain.Settings settings = InfraMain.Settings.parse(new String[0], Map.of());

        assertThat(settings).isEqualTo(new InfraMain.Settings(Path.of(".llmref/data"), 9092, 9093, 27017));
    }

    @Test
    void argumentsOverrideTheEnvironment() {
        InfraMain.Settings settings = InfraMain.Settings.parse(new String[] {"--kafka-port", "19092"},
                Map.of("LLMREF_KAFKA_PORT", "29092", "LLMREF_MONGO_PORT", "27018", "LLMREF_DATA_DIR", "/data"));

        assertThat(settings).isEqualTo(new InfraMain.Settings(Path.of("/data"), 19092, 9093, 27018));
    }

    @Test
    void rejectsABadPortWithAMessageNamingIt() {
        assertThatThrownBy(() -> InfraMain.Settings.parse(new String[] {"--mongo-port", "http"}, Map.of()))
                .hasMessage("--mongo-port must be a port number, not 'http'");
        assertThatThrownBy(() -> InfraMain.Settings.parse(new String[] {"--kafka-port", "70000"}, Map.of()))
                .hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> InfraMain.Settings.parse(new String[] {"--kafka-port"}, Map.of()))
                .hasMessage("missing value after --kafka-port");
        assertThatThrownBy(() -> InfraMain.Settings.parse(new String[] {"--colour", "blue"}, Map.of()))
                .hasMessage("unknown option --colour");
    }

    @Test
    void rejectsTwoServicesOnOnePort() {
        assertThatThrownBy(() -> InfraMain.Settings.parse(new String[] {"--mongo-port", "9092"}, Map.of()))
                .hasMessageContaining("must differ");
    }
}
