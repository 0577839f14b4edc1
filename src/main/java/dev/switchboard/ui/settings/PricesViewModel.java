package dev.switchboard.ui.settings;

import dev.switchboard.monitor.PriceSettings;
import dev.switchboard.ui.CallCommands;
import dev.switchboard.ui.UiDispatcher;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The price table in Settings: USD per 1M tokens per model, as JSON in the {@code --prices} shape. Saving validates
 * off the FX thread and prices every new call with it; a model left out has no price (its cost shows unknown).
 */
public final class PricesViewModel {

    private final PriceSettings prices;
    private final UiDispatcher dispatcher;
    private final StringProperty json = new SimpleStringProperty(this, "json", "");
    private final StringProperty result = new SimpleStringProperty(this, "result", "");
    private final BooleanProperty failed = new SimpleBooleanProperty(this, "failed");

    public PricesViewModel(PriceSettings prices, UiDispatcher dispatcher) {
        this.prices = prices;
        this.dispatcher = dispatcher;
        json.set(prices.pricesJson());
    }

    public CompletableFuture<Void> save() {
        result.set("Saving…");
        failed.set(false);
        return prices.savePrices(json.get()).whenComplete((ok, error) -> dispatcher.run(() -> {
            failed.set(error != null);
            result.set(error != null ? CallCommands.plainMessage(error) : "Saved; new calls are priced with it."
                    + (prices.overriddenByFlag() ? " --prices still wins for the models it lists." : ""));
        }));
    }

    public StringProperty jsonProperty() {
        return json;
    }

    public ReadOnlyStringProperty resultProperty() {
        return result;
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed;
    }
}
