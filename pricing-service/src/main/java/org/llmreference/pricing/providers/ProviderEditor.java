package org.llmreference.pricing.providers;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import org.llmreference.platform.web.FieldViolation;
import org.llmreference.platform.web.Violations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Accepts providers from editors and imports: checks them, stores them, and announces the names
 * ({@link ProvidersNamed}) so routes that show a provider follow a rename.
 */
@Service
public class ProviderEditor {

    public static final int MAX_NAME_LENGTH = 100;

    private final Providers providers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProviderEditor(Providers providers, ApplicationEventPublisher events, Clock clock) {
        this.providers = providers;
        this.events = events;
        this.clock = clock;
    }

    /** What is wrong with a provider, field by field (empty when nothing is). */
    public static List<FieldViolation> violations(String id, String name, String url) {
        Violations v = new Violations();
        v.slug("id", id, true);
        v.text("name", name, MAX_NAME_LENGTH, true);
        v.httpUrl("url", url, false);
        return v.list();
    }

    /**
     * Stores a provider that passed {@link #violations}.
     *
     * @return the outcome, and the correlation id of the events a rename caused
     */
    public Accepted put(String id, String name, String url, OptionalLong expectedRevision) {
        String correlation = UUID.randomUUID().toString();
        Providers.Put put = providers.put(id, name, url, expectedRevision, clock.instant(), correlation);
        String causedBy = null;
        if (put.outcome() != Providers.Outcome.STALE) {
            causedBy = correlation;
            // Also when unchanged: a price list a crash left behind catches up with the name.
            events.publishEvent(new ProvidersNamed(Map.of(id, name), causedBy));
        }
        return new Accepted(put, causedBy);
    }

    /**
     * Stores providers that passed {@link #violations}, each like {@link #put} without an expected
     * revision, with one read and one bulk write; the routes follow every name in one pass.
     *
     * @param wanted one entry per provider id (its {@code revision} is ignored)
     * @return the outcome of each, in order
     */
    public List<Providers.Put> putAll(List<Provider> wanted) {
        List<Providers.Put> puts = providers.putAll(wanted, clock.instant());
        Map<String, String> named = new LinkedHashMap<>();
        for (Providers.Put put : puts) {
            if (put.outcome() != Providers.Outcome.STALE) {
                named.put(put.provider().id(), put.provider().name());
            }
        }
        if (!named.isEmpty()) {
            events.publishEvent(new ProvidersNamed(named, UUID.randomUUID().toString()));
        }
        return puts;
    }

    /** A put and the correlation id of the events it caused. */
    public record Accepted(Providers.Put put, String causedBy) {
    }
}
