package org.llmreference.infra;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aTakenPortFailsWithAMessageNamingThePortAndHowToChangeIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> Ports.requireFree(port, "Kafka", "--kafka-port or LLMREF_KAFKA_PORT"))
                    .isInstanceOf(Ports.PortInUseException.class)
                    .hasMessageStartingWith("port " + port + " for Kafka is already in use")
                    .hasMessageContaining("choose another with --kafka-port or LLMREF_KAFKA_PORT");
        }
    }

    @Test
    void aFreePortPasses() {
        int port = Ports.resolve(0);

        assertThatCode(() -> Ports.requireFree(port, "Kafka", "--kafka-port")).doesNotThrowAnyException();
    }
}
