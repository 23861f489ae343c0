package org.llmreference.comparison.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.llmreference.contracts.comparison.SwitchFriction;

/**
 * "Switch friction": what moving production traffic from one model to the other involves, in
 * each direction: whether a provider serves both (same SDK, billing and endpoint), which
 * capabilities to re-check, and which the target adds.
 */
final class SwitchFrictions {

    private SwitchFrictions() {
    }

    static SwitchFriction moving(Side from, Side to) {
        List<String> bullets = new ArrayList<>();
        bullets.add(sharedProviders(from, to));
        List<Capability> lost = Capability.uniqueTo(from.model(), to.model());
        bullets.add(lost.isEmpty()
                ? to.name() + " exposes every capability " + from.name() + " does in local capability data."
                : "Check replacement coverage for " + Texts.list(Capability.labels(lost)) + " before moving production traffic.");
        List<Capability> gained = Capability.uniqueTo(to.model(), from.model());
        if (!gained.isEmpty()) {
            bullets.add(to.name() + " adds " + Texts.list(Capability.labels(gained)) + " in local capability data.");
        }
        return new SwitchFriction(from.id(), to.id(), bullets);
    }

    /** The providers with a route for both models, in the order of the model being moved from. */
    private static String sharedProviders(Side from, Side to) {
        Map<String, String> servingTarget = PriceList.of(to).providers();
        List<String> shared = new ArrayList<>();
        PriceList.of(from).providers().forEach((id, name) -> {
            if (servingTarget.containsKey(id)) {
                shared.add(name);
            }
        });
        if (shared.isEmpty()) {
            return "No overlapping tracked provider route is sourced for " + from.name() + " and " + to.name()
                    + "; plan for SDK, billing, or endpoint changes.";
        }
        return Texts.list(shared) + " " + Texts.agree(shared, "serves", "serve") + " both " + from.name() + " and "
                + to.name() + ", so a switch there keeps the same SDK, billing, and endpoint.";
    }
}
