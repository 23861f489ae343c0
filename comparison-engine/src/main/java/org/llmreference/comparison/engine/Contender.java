package org.llmreference.comparison.engine;

import java.math.BigDecimal;

import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.comparison.ModelCost;

/** One model as the verdict and the tradeoffs weigh it: its side of the pair and its monthly cost. */
record Contender(Side side, ModelCost cost) {

    String id() {
        return side.id();
    }

    String name() {
        return side.name();
    }

    ModelSnapshot model() {
        return side.model();
    }

    PriceList prices() {
        return PriceList.of(side);
    }

    /** The monthly cost at the stated traffic, {@code null} when the model has no complete price. */
    BigDecimal monthlyUsd() {
        return cost.monthlyUsd();
    }
}
