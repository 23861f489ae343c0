package org.llmreference.comparison.previews;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.llmreference.comparison.comparisons.LiveComparisonSet;
import org.llmreference.comparison.recompute.ComparisonSet;
import org.llmreference.comparison.recompute.ComparisonSet.SourceChange;
import org.llmreference.comparison.recompute.Preview;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.platform.web.ApiProblem;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Dry runs: what a proposed model or route change would do to the pages. The comparison set the
 * service publishes from is copied under its lock (milliseconds, no comparison computed meanwhile);
 * the proposal is applied to that copy and the affected pages are computed with the same engine and
 * settings as a real change. Nothing is stored, published or committed.
 */
@Component
public class Previews {

    private final LiveComparisonSet comparisons;
    private final Timer timer;

    Previews(LiveComparisonSet comparisons, MeterRegistry meters) {
        this.comparisons = comparisons;
        this.timer = Timer.builder("llmref.previews").description("time to answer one preview of a proposed change")
                .register(meters);
    }

    /**
     * The pages the proposal would affect, before and after.
     *
     * @throws ApiProblem 404 when the model, or the route to withdraw, is unknown; 422 when the proposal
     *         changes nothing of a known model, or proposes a route of a retired model
     */
    public List<Preview.Page> preview(Proposal proposal) {
        long start = System.nanoTime();
        try {
            ComparisonSet current = comparisons.read(ComparisonSet::copy);
            return Preview.of(current, change(current, proposal));
        } finally {
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** The proposal as the source change the service would receive, checked against the current facts. */
    static SourceChange change(ComparisonSet current, Proposal proposal) {
        ModelSnapshot known = current.model(proposal.modelId())
                .orElseThrow(() -> ApiProblem.notFound("model", proposal.modelId()));
        List<RouteSnapshot> routes = current.priceList(known.id());
        if (proposal instanceof Proposal.Model model) {
            if (model.model().equals(known)) {
                throw ApiProblem.unprocessable("model", "no-change",
                        "the proposed model equals the current facts of '" + known.id() + "': there is nothing to preview");
            }
            return new SourceChange.Model(model.model());
        }
        if (known.status() == ModelStatus.RETIRED) {
            throw ApiProblem.unprocessable("modelId", "retired-model",
                    "'" + known.id() + "' is retired: its routes reach no page");
        }
        if (proposal instanceof Proposal.Route route) {
            List<RouteSnapshot> changed = new ArrayList<>();
            boolean replaced = false;
            for (RouteSnapshot existing : routes) {
                if (existing.providerId().equals(route.route().providerId())) {
                    if (sameOffer(existing, route.route())) {
                        throw ApiProblem.unprocessable("route", "no-change", "the proposed route equals the current route of '"
                                + existing.providerId() + "' for '" + known.id() + "': there is nothing to preview");
                    }
                    changed.add(keepingHistory(existing, route.route()));
                    replaced = true;
                } else {
                    changed.add(existing);
                }
            }
            if (!replaced) {
                changed.add(route.route());
            }
            return new SourceChange.Prices(known.id(), changed);
        }
        Proposal.WithdrawRoute withdraw = (Proposal.WithdrawRoute) proposal;
        List<RouteSnapshot> left = routes.stream().filter(route -> !route.providerId().equals(withdraw.providerId())).toList();
        if (left.size() == routes.size()) {
            throw ApiProblem.notFound("route of '" + known.id() + "' by provider", withdraw.providerId());
        }
        return new SourceChange.Prices(known.id(), left);
    }

    /**
     * The proposed route in place of {@code existing}: a proposal that does not state them keeps the
     * route's dated prices and upstream source, so the pages show the price history published now.
     */
    private static RouteSnapshot keepingHistory(RouteSnapshot existing, RouteSnapshot proposed) {
        return new RouteSnapshot(proposed.providerId(), proposed.providerName(), proposed.terms(),
                proposed.upstream() != null ? proposed.upstream() : existing.upstream(),
                proposed.effectiveFrom() != null ? proposed.effectiveFrom() : existing.effectiveFrom(),
                proposed.history().isEmpty() ? existing.history() : proposed.history());
    }

    /** The same provider, name and terms: what a page shows of a route (its dates and history aside). */
    private static boolean sameOffer(RouteSnapshot a, RouteSnapshot b) {
        return a.providerName().equals(b.providerName()) && a.terms().equals(b.terms());
    }
}
