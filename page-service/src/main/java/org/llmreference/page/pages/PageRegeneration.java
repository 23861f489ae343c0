package org.llmreference.page.pages;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.llmreference.contracts.PairId;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.ComparisonChanged;
import org.llmreference.contracts.comparison.ComparisonEvent;
import org.llmreference.contracts.comparison.ComparisonWithdrawn;
import org.llmreference.contracts.comparison.ModelSummary;
import org.llmreference.page.comparisons.Comparisons;
import org.llmreference.page.comparisons.StoredComparison;
import org.llmreference.page.http.Gzip;
import org.llmreference.page.http.Representation;
import org.llmreference.page.reach.PageReached;
import org.llmreference.page.rendering.ComparisonPage;
import org.llmreference.page.rendering.ModelLink;
import org.llmreference.page.rendering.PageChange;
import org.llmreference.page.rendering.PageRenderer;
import org.llmreference.page.rendering.WhatChanged;
import org.llmreference.platform.projection.RevisionGuard.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Turns each comparison event into the page visitors read: the event goes into the
 * {@link Comparisons} projection in memory, then, unless the page served already has this revision or
 * a newer one, the page is rendered, compressed, tagged and served at once: the cache and the index
 * take it, and {@code llmref.propagation} records how long after the editor's change that was. The
 * comparison, the page and the page the edit reached are stored behind it ({@link WriteBehind}), which
 * acknowledges the event's record only once they are. What the served page is (revision, content
 * hash, hash of its HTML, its "what changed" list) comes from the {@link PageIndex}, which holds every
 * page: no MongoDB write on the way to a visible page. "What changed" says what moved ({@link WhatChanged}:
 * the cheapest routes' old and new prices, the monthly cost, the verdict) from what the pair's previous
 * event left in memory ({@link WhatChanged.Basis}); only the first event of a pair since the start reads
 * the stored comparison for it.
 *
 * <p>A {@code ComparisonChanged} renders the comparison with its "what changed" list (this change
 * first, {@value IndexedPage#CHANGES_KEPT} kept); when its content hash, or else its rendered HTML (by
 * the hash in its entity tag), equals the stored page's, nothing is re-rendered ({@code llmref.pages.unchanged}) and only the
 * revision moves on. A {@code ComparisonWithdrawn} stores the page as gone, with its reason. Each
 * stored or unchanged page is logged with the edit's {@code causedBy}: the last link of its chain.
 */
@Component
class PageRegeneration {

    private static final Logger log = LoggerFactory.getLogger(PageRegeneration.class);

    private final Comparisons comparisons;
    private final WriteBehind writeBehind;
    private final PageCache cache;
    private final PageIndex index;
    private final PageRenderer renderer;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Counter regenerated;
    private final Counter unchanged;
    private final Timer regeneration;
    /** What each pair's latest comparison left for "what changed", by pair: a few hundred bytes a page. */
    private final Map<String, KnownBasis> bases = new ConcurrentHashMap<>();

    /** A pair's latest comparison event as "what changed" needs it: its revision, and its basis when live. */
    private record KnownBasis(long revision, boolean live, WhatChanged.Basis basis) {
    }

    PageRegeneration(Comparisons comparisons, WriteBehind writeBehind, PageCache cache, PageIndex index,
            PageRenderer renderer, Clock clock, MeterRegistry meters) {
        this.comparisons = comparisons;
        this.writeBehind = writeBehind;
        this.cache = cache;
        this.index = index;
        this.renderer = renderer;
        this.clock = clock;
        this.meters = meters;
        this.regenerated = Counter.builder("llmref.pages.regenerated").description("pages rendered and served")
                .register(meters);
        this.unchanged = Counter.builder("llmref.pages.unchanged")
                .description("changed comparisons whose page came out as stored: nothing re-rendered").register(meters);
        this.regeneration = Timer.builder("llmref.pages.regeneration")
                .description("page-service's own share of propagation: read, render, compress and serve one page")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /**
     * Applies one event; {@link Outcome#STALE} when the page served already has its revision or a
     * newer one (a duplicate, a replay, or an event overtaken by a newer one). {@code acknowledge} is
     * run once what the event left is stored.
     *
     * @throws IllegalArgumentException for an event that names its pair inconsistently (dead-lettered)
     */
    Outcome apply(Envelope<ComparisonEvent> event, Runnable acknowledge) {
        String pairId = event.aggregateId();
        PairId pair = PairId.parse(pairId);
        if (!pair.isWrittenAs(pairId) || !pairId.equals(event.payload().pairId())) {
            throw new IllegalArgumentException("event " + event.eventId() + " is keyed " + pairId + " but is about "
                    + event.payload().pairId() + "; a comparison event is keyed by its pair in canonical order");
        }
        long start = System.nanoTime();
        WhatChanged.Basis before = event.payload() instanceof ComparisonChanged ? basisBefore(pairId, event.revision())
                : null;
        StoredComparison comparison = comparisons.accept(event);
        remember(event);
        Optional<IndexedPage> previous = index.find(pairId);
        if (previous.isPresent() && previous.get().revision() >= event.revision()) {
            // what is served is as new; what it left may still wait to be stored, which the record waits for too
            writeBehind.submit(new WriteBehind.Pending(comparison, null, null, null, acknowledge));
            return Outcome.STALE;
        }
        WriteBehind.Pending served = event.payload().match(
                changed -> changed(event, changed, before, previous.orElse(null)),
                withdrawn -> withdrawn(event, withdrawn, previous.orElse(null)));
        regeneration.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        writeBehind.submit(new WriteBehind.Pending(comparison, served.page(), served.advance(), served.reached(),
                acknowledge));
        return Outcome.APPLIED;
    }

    /**
     * What the pair's comparison before {@code revision} left for "what changed": kept in memory since
     * its event, else (the first event of the pair since the start) read from the stored comparison;
     * null when the pair had no live comparison before.
     */
    private WhatChanged.Basis basisBefore(String pairId, long revision) {
        KnownBasis known = bases.get(pairId);
        if (known == null) {
            return comparisons.find(pairId)
                    .filter(stored -> stored.live() && stored.revision() < revision && stored.comparison() != null)
                    .map(stored -> WhatChanged.Basis.of(stored.comparison())).orElse(null);
        }
        return known.live() && known.revision() < revision ? known.basis() : null;
    }

    private void remember(Envelope<ComparisonEvent> event) {
        KnownBasis after = event.payload().match(
                changed -> new KnownBasis(event.revision(), changed.comparison() != null,
                        changed.comparison() == null ? null : WhatChanged.Basis.of(changed.comparison())),
                withdrawn -> new KnownBasis(event.revision(), false, null));
        bases.merge(event.aggregateId(), after, (present, offered) -> offered.revision() > present.revision() ? offered : present);
    }

    private WriteBehind.Pending changed(Envelope<ComparisonEvent> event, ComparisonChanged changed, WhatChanged.Basis before,
            IndexedPage previous) {
        Comparison comparison = changed.comparison();
        boolean wasLive = previous != null && previous.live();
        if (wasLive && changed.contentHash().equals(previous.contentHash())) {
            return unchanged(event, previous);
        }
        List<PageChange> changes = new ArrayList<>();
        String text = before == null || comparison == null ? null
                : WhatChanged.between(before, comparison, LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC));
        changes.add(new PageChange(event.revision(), event.occurredAt(), changed.changedSections(), text));
        if (previous != null) {
            previous.changes().stream().limit(IndexedPage.CHANGES_KEPT - 1).forEach(changes::add);
        }
        Instant renderedAt = clock.instant();
        String html = renderer.comparison(new ComparisonPage(comparison, event.revision(), event.occurredAt(),
                renderedAt, changes));
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        String etag = Representation.etag(Long.toString(event.revision()), bytes);
        if (wasLive && previous.hasSameHtmlAs(etag)) {
            return unchanged(event, previous);
        }
        ServedPage page = page(event, true, bytes, etag, renderedAt, comparison.title(), link(comparison.modelA()),
                link(comparison.modelB()), changes, null, changed.contentHash());
        return served(event, page);
    }

    private WriteBehind.Pending withdrawn(Envelope<ComparisonEvent> event, ComparisonWithdrawn withdrawn, IndexedPage previous) {
        ModelLink modelA = previous != null ? previous.modelA() : new ModelLink(withdrawn.modelAId(), withdrawn.modelAId(), null);
        ModelLink modelB = previous != null ? previous.modelB() : new ModelLink(withdrawn.modelBId(), withdrawn.modelBId(), null);
        String title = previous != null ? previous.title() : modelA.name() + " vs " + modelB.name();
        List<PageChange> changes = previous != null ? previous.changes() : List.of();
        Instant renderedAt = clock.instant();
        Comparison last = comparisons.find(withdrawn.pairId()).map(StoredComparison::comparison).orElse(null);
        String html = renderer.gone(GonePages.view(withdrawn.pairId(), title, withdrawn.reason(), modelA, modelB, index, last));
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        ServedPage page = page(event, false, bytes, Representation.etag(Long.toString(event.revision()), bytes), renderedAt,
                title, modelA, modelB, changes, withdrawn.reason(), null);
        return served(event, page);
    }

    private WriteBehind.Pending unchanged(Envelope<ComparisonEvent> event, IndexedPage previous) {
        cache.advance(event.aggregateId(), event.revision(), event.causedBy());
        index.update(previous.atRevision(event.revision(), event.causedBy()));
        unchanged.increment();
        log.info("page {} rev {} unchanged (same content as rev {}) causedBy={}", event.aggregateId(), event.revision(),
                previous.revision(), event.causedBy());
        return new WriteBehind.Pending(null, null,
                new WriteBehind.Advance(event.aggregateId(), event.revision(), event.causedBy()),
                reached(event, previous.live(), false, clock.instant()), null);
    }

    private WriteBehind.Pending served(Envelope<ComparisonEvent> event, ServedPage served) {
        IndexedPage page = served.page();
        cache.offerUnstored(served);
        index.update(page);
        regenerated.increment();
        Duration propagation = Duration.between(event.occurredAt(), clock.instant());
        Timer.builder("llmref.propagation").tag("source", event.chainStartType())
                .description("from an editor's change being accepted to the page it changes being served")
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(5))
                .register(meters).record(propagation.isNegative() ? Duration.ZERO : propagation);
        log.info("served page {} rev {} ({}), {} ms after the edit causedBy={}", page.pairId(), page.revision(),
                page.live() ? "live" : "gone", propagation.toMillis(), event.causedBy());
        return new WriteBehind.Pending(null, served, null, reached(event, page.live(), true, page.renderedAt()), null);
    }

    private static PageReached reached(Envelope<ComparisonEvent> event, boolean live, boolean changed, Instant at) {
        return event.causedBy() == null ? null : new PageReached(event.causedBy(), event.aggregateId(),
                PageReached.pathOf(event.aggregateId()), event.revision(), live, changed, at);
    }

    private static ServedPage page(Envelope<ComparisonEvent> event, boolean live, byte[] html, String etag,
            Instant renderedAt, String title, ModelLink modelA, ModelLink modelB, List<PageChange> changes,
            String withdrawnReason, String contentHash) {
        return ServedPage.of(new IndexedPage(event.aggregateId(), event.revision(), live, title, modelA, modelB,
                event.occurredAt(), renderedAt, event.causedBy(), changes, withdrawnReason, etag, contentHash),
                Gzip.compress(html));
    }

    private static ModelLink link(ModelSummary model) {
        return new ModelLink(model.id(), model.name(), model.vendor());
    }
}
