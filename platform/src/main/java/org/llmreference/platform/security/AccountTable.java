package org.llmreference.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.identity.AccountChanged;
import org.llmreference.contracts.identity.IdentityEvent;
import org.llmreference.platform.security.AccessTokens.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every account's roles and live token hashes, read whole from {@code identity.accounts.v1} (assigned
 * all partitions, from the beginning, no consumer group) and kept in memory, so each service
 * authenticates personal tokens locally without asking catalog-service. A token is looked up by its
 * SHA-256 hash and the hashes are then compared in constant time; an expired session, a revoked token
 * or a disabled account authenticates nobody.
 */
public final class AccountTable implements TokenAuthority, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccountTable.class);

    private final String bootstrapServers;
    private final Clock clock;
    /** Token hash to its holder. */
    private final Map<String, Holder> byHash = new ConcurrentHashMap<>();
    /** Account id to its token hashes, to drop them when the account changes. */
    private final Map<String, Set<String>> hashesOf = new HashMap<>();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile Thread reader;
    private volatile boolean running;

    private record Holder(String hash, Caller caller, Instant expiresAt) {
    }

    public AccountTable(String bootstrapServers, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.clock = clock;
    }

    @Override
    public Optional<Caller> authenticate(String token) {
        String hash = TokenHash.of(token);
        Holder holder = byHash.get(hash);
        if (holder == null || !java.security.MessageDigest.isEqual(holder.hash().getBytes(), hash.getBytes())) {
            return Optional.empty();
        }
        if (holder.expiresAt() != null && !holder.expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(holder.caller());
    }

    /** Applies one account state: its previous tokens are forgotten, its live ones (if enabled) known. */
    public synchronized void apply(AccountChanged account) {
        for (String hash : hashesOf.getOrDefault(account.id(), Set.of())) {
            byHash.remove(hash);
        }
        Set<String> hashes = new java.util.HashSet<>();
        if (!account.disabled()) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            account.roles().forEach(name -> Role.fromWire(name).ifPresent(roles::add));
            Caller caller = new Caller(account.id(), account.displayName(), roles);
            for (AccountChanged.LiveToken token : account.tokens()) {
                byHash.put(token.sha256(), new Holder(token.sha256(), caller, token.expiresAt()));
                hashes.add(token.sha256());
            }
        }
        hashesOf.put(account.id(), hashes);
    }

    @Override
    public void start() {
        running = true;
        reader = new Thread(this::read, "account-table");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        properties.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        boolean warned = false;
        while (running) {
            try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer = kafka;
                List<PartitionInfo> partitions = kafka.partitionsFor(Topics.IDENTITY_ACCOUNTS, Duration.ofSeconds(10));
                if (partitions == null || partitions.isEmpty()) {
                    throw new IllegalStateException("topic " + Topics.IDENTITY_ACCOUNTS + " does not exist");
                }
                List<TopicPartition> assigned = partitions.stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                kafka.assign(assigned);
                kafka.seekToBeginning(assigned);
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                        applyRecord(record);
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!warned) {
                    log.warn("Cannot read {} yet ({}); personal tokens are not accepted until it can be read. Retrying.",
                            Topics.IDENTITY_ACCOUNTS, e.getMessage());
                    warned = true;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void applyRecord(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            Envelope<IdentityEvent> event = EventCodec.decode(record.value(), IdentityEvent.class);
            if (event.payload() instanceof AccountChanged account) {
                apply(account);
            }
        } catch (RuntimeException e) {
            log.warn("Skipped an unreadable record of {} at offset {}: {}", Topics.IDENTITY_ACCOUNTS, record.offset(),
                    e.getMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        Thread thread = reader;
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
