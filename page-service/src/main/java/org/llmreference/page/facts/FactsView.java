package org.llmreference.page.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.catalog.CatalogEvent;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.PricingEvent;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every model's latest facts and price list, in memory: the latest {@link ModelSnapshot} of each
 * model from {@code catalog.models.v1} and the routes of each model from {@code pricing.routes.v1}.
 * Both topics are compacted changelogs whose latest record per key is the full state, so the view is
 * rebuilt from them at every start ({@link FactsReader}).
 *
 * <p>Each key keeps the revision it was last applied at: a duplicate, a replay or an older record
 * changes nothing (the same rule as {@code RevisionGuard}, in memory). Reads never block and see
 * each model's latest applied state.
 */
public class FactsView {

    private static final Logger log = LoggerFactory.getLogger(FactsView.class);

    private final Map<String, Versioned<ModelSnapshot>> models = new ConcurrentHashMap<>();
    private final Map<String, Versioned<List<RouteSnapshot>>> routes = new ConcurrentHashMap<>();
    /** Alias to canonical id, rebuilt from the models' {@code aliases} as they change. */
    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong version = new AtomicLong();
    private volatile boolean caughtUp;

    private record Versioned<T>(long revision, T value) {
    }

    /** The model {@code id}'s latest facts, in any status; empty when no such model was published. */
    public Optional<ModelSnapshot> model(String id) {
        Versioned<ModelSnapshot> found = id == null ? null : models.get(id);
        return found == null ? Optional.empty() : Optional.of(found.value());
    }

    /** Every known model, in any status, ordered by id. */
    public List<ModelSnapshot> models() {
        List<ModelSnapshot> all = new ArrayList<>(models.size());
        models.values().forEach(model -> all.add(model.value()));
        all.sort(Comparator.comparing(ModelSnapshot::id));
        return all;
    }

    /** The routes of model {@code modelId} in listing order; empty when it has none. */
    public List<RouteSnapshot> routes(String modelId) {
        Versioned<List<RouteSnapshot>> found = modelId == null ? null : routes.get(modelId);
        return found == null ? List.of() : found.value();
    }

    /**
     * The canonical id for {@code idOrAlias}: itself when it is a model's id, the model's id when it
     * is one of its aliases, else empty.
     */
    public Optional<String> canonicalId(String idOrAlias) {
        if (idOrAlias == null) {
            return Optional.empty();
        }
        if (models.containsKey(idOrAlias)) {
            return Optional.of(idOrAlias);
        }
        return Optional.ofNullable(aliases.get(idOrAlias));
    }

    /** Whether the view has read both topics up to the end offsets they had when it started. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Grows by one on every change applied to the view. */
    public long version() {
        return version.get();
    }

    /** Calls {@code modelIdListener} with the model's id after each applied change of its facts or routes. */
    public void onChange(Consumer<String> modelIdListener) {
        listeners.add(modelIdListener);
    }

    /** Applies a catalog event; returns whether it changed the view (false for a duplicate or older revision). */
    public boolean applyModel(Envelope<? extends CatalogEvent> event) {
        ModelSnapshot model = event.payload().model();
        String id = model.id();
        boolean[] applied = {false};
        Versioned<ModelSnapshot>[] previous = new Versioned[1];
        models.compute(id, (key, current) -> {
            if (current != null && current.revision() >= event.revision()) {
                return current;
            }
            applied[0] = true;
            previous[0] = current;
            return new Versioned<>(event.revision(), model);
        });
        if (applied[0]) {
            if (previous[0] != null) {
                previous[0].value().aliases().forEach(alias -> aliases.remove(alias, id));
            }
            model.aliases().stream().filter(alias -> !alias.equals(id)).forEach(alias -> aliases.put(alias, id));
            changed(id);
        }
        return applied[0];
    }

    /** Applies a pricing event; returns whether it changed the view (false for a duplicate or older revision). */
    public boolean applyRoutes(Envelope<? extends PricingEvent> event) {
        String modelId = event.payload().modelId();
        boolean[] applied = {false};
        routes.compute(modelId, (key, current) -> {
            if (current != null && current.revision() >= event.revision()) {
                return current;
            }
            applied[0] = true;
            return new Versioned<>(event.revision(), event.payload().routes());
        });
        if (applied[0]) {
            changed(modelId);
        }
        return applied[0];
    }

    /** Called once the view has read to the end offsets both topics had at its start. */
    void markCaughtUp() {
        if (!caughtUp) {
            caughtUp = true;
            log.info("Facts view caught up: {} models, {} price lists", models.size(), routes.size());
        }
    }

    private void changed(String modelId) {
        version.incrementAndGet();
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(modelId);
            } catch (RuntimeException e) {
                log.warn("A facts listener failed for model {}", modelId, e);
            }
        }
    }
}
