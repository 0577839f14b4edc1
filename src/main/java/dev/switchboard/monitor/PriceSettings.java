package dev.switchboard.monitor;

import dev.switchboard.call.PriceTable;
import java.util.concurrent.CompletableFuture;

/** The price table as Settings edits it: JSON in the {@code --prices} shape, saved in the data directory. */
public interface PriceSettings {

    /** What the editor shows: the saved prices, or the built-in list prices when none were saved. */
    String pricesJson();

    /** True when {@code --prices} overrides what is saved here (its models win). */
    boolean overriddenByFlag();

    /** Validates and saves; new calls are priced with it. Fails with a one-line reason for bad JSON. */
    CompletableFuture<Void> savePrices(String json);

    PriceTable current();
}
