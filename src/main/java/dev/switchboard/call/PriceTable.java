package dev.switchboard.call;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/** Prices per model name. Immutable; an unknown model has no price (its cost is unknown, never zero). */
public final class PriceTable {

    public static final PriceTable EMPTY = new PriceTable(Map.of());

    private final Map<String, ModelPrice> prices;

    public PriceTable(Map<String, ModelPrice> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** Exact name first, then the name without a {@code -YYYY-MM-DD} snapshot suffix (dated snapshots share list prices). */
    public Optional<ModelPrice> priceOf(String model) {
        if (model == null || model.isBlank()) {
            return Optional.empty();
        }
        String name = model.trim();
        ModelPrice exact = prices.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return Optional.ofNullable(prices.get(name.replaceFirst("-\\d{4}-\\d{2}-\\d{2}$", "")));
    }

    public OptionalDouble costUsd(String model, ResponseUsage usage) {
        Optional<ModelPrice> price = priceOf(model);
        return price.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(price.get().costUsd(usage));
    }

    public Set<String> models() {
        return new TreeMap<>(prices).keySet();
    }

    @Override
    public String toString() {
        return "PriceTable" + models();
    }
}
