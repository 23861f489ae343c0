package org.llmreference.page.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.testsupport.Models;

class EnvelopeHeadTest {

    @Test
    void readsTypeRevisionAndOccurredAtOfAnEventWithoutItsPayload() {
        Envelope<ModelChanged> event = Envelope.startingChain(new ModelChanged(Models.aModel("gpt-oss-20b"), List.of()),
                "gpt-oss-20b", 12, Instant.parse("2026-11-26T01:02:03.456Z"));

        EnvelopeHead head = EnvelopeHead.read(EventCodec.encode(event));

        assertThat(head).isEqualTo(new EnvelopeHead("catalog.ModelChanged.v1", 12L, Instant.parse("2026-11-26T01:02:03.456Z")));
    }

    @Test
    void keepsWhatItCouldReadOfABrokenRecord() {
        assertThat(EnvelopeHead.read(bytes("{\"revision\":3,\"type\":\"x.Y.v1\",\"payload\":{\"a\":[1,"))).isEqualTo(
                new EnvelopeHead("x.Y.v1", 3L, null));
        assertThat(EnvelopeHead.read(bytes("{\"revision\":\"three\",\"occurredAt\":\"yesterday\"}")))
                .isEqualTo(EnvelopeHead.UNREADABLE);
        assertThat(EnvelopeHead.read(bytes("not json"))).isEqualTo(EnvelopeHead.UNREADABLE);
        assertThat(EnvelopeHead.read(bytes("[1,2]"))).isEqualTo(EnvelopeHead.UNREADABLE);
        assertThat(EnvelopeHead.read(new byte[0])).isEqualTo(EnvelopeHead.UNREADABLE);
        assertThat(EnvelopeHead.read(null)).isEqualTo(EnvelopeHead.UNREADABLE);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
