package org.llmreference.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;

class StorageOutagesTest {

    @Test
    void aHandlerIsRunAgainWhileMongoDbIsUnreachableAndItsResultReturned() {
        AtomicInteger attempts = new AtomicInteger();

        String result = new StorageOutages(Duration.ofSeconds(10)).retryWhileUnreachable("event", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new MongoTimeoutException("Timed out while waiting for a server");
            }
            return "applied";
        });

        assertThat(result).isEqualTo("applied");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void anOutageWrappedInAnotherExceptionIsRecognised() {
        RuntimeException wrapped = new IllegalStateException("store failed",
                new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress()));

        assertThat(StorageOutages.isOutage(wrapped)).isTrue();
        assertThat(StorageOutages.isOutage(new IllegalArgumentException("bad event"))).isFalse();
    }

    @Test
    void anyOtherFailureGoesStraightToTheBinding() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> new StorageOutages(Duration.ofSeconds(10)).retryWhileUnreachable("event", () -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("keyed by another aggregate");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void anOutageLongerThanTheWaitGoesToTheBindingAfterAll() {
        AtomicInteger attempts = new AtomicInteger();
        long start = System.nanoTime();

        assertThatThrownBy(() -> new StorageOutages(Duration.ofMillis(600)).retryWhileUnreachable("event", () -> {
            attempts.incrementAndGet();
            throw new MongoTimeoutException("Timed out while waiting for a server");
        })).isInstanceOf(MongoTimeoutException.class);
        assertThat(attempts.get()).isBetween(2, 4);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aWriteMongoDbRefusedIsNotAnOutage() {
        assertThat(StorageOutages.isOutage(new MongoWriteException(
                new com.mongodb.WriteError(11000, "duplicate key", new org.bson.BsonDocument()), new ServerAddress(), java.util.Set.of())))
                .isFalse();
    }
}
