package dev.switchboard.monitor;

import dev.switchboard.call.Call;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.call.PriceTable;
import dev.switchboard.config.ConfigException;
import dev.switchboard.config.PriceFile;
import dev.switchboard.config.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prices calls are costed with: the built-in list prices, then what was saved in Settings
 * ({@code <data dir>/prices.json}), then {@code --prices FILE}. Each new call takes the table current when it rings.
 */
public final class PriceBook implements PriceSettings {

    private static final Logger log = LoggerFactory.getLogger(PriceBook.class);

    private final Path savedFile;
    private final PriceTable flagPrices;
    private final AtomicReference<PriceTable> current = new AtomicReference<>();

    /**
     * @param savedFile  where Settings saves its prices, or null (not saved)
     * @param flagPrices the {@code --prices} table (already over the built-in one), or null
     */
    public PriceBook(Path savedFile, PriceTable flagPrices) {
        this.savedFile = savedFile;
        this.flagPrices = flagPrices;
        PriceTable saved = PriceFile.bundled();
        if (savedFile != null && Files.isRegularFile(savedFile)) {
            try {
                saved = PriceFile.overlay(saved, Files.readString(savedFile, StandardCharsets.UTF_8), savedFile.toString());
            } catch (IOException | ConfigException e) {
                log.warn("saved prices ignored: {}", e.getMessage());
            }
        }
        current.set(withFlag(saved));
    }

    /** Prices every call the registry gets from now on. */
    public PriceBook attach(CallRegistry registry) {
        registry.onAdded(this::price);
        return this;
    }

    public void price(Call call) {
        call.turns().usePrices(current.get());
    }

    @Override
    public PriceTable current() {
        return current.get();
    }

    @Override
    public boolean overriddenByFlag() {
        return flagPrices != null;
    }

    @Override
    public String pricesJson() {
        if (savedFile != null && Files.isRegularFile(savedFile)) {
            try {
                return Files.readString(savedFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                log.warn("cannot read {}: {}", savedFile, e.toString());
            }
        }
        return PriceFile.bundledJson();
    }

    @Override
    public CompletableFuture<Void> savePrices(String json) {
        return CompletableFuture.runAsync(() -> {
            PriceTable table;
            try {
                table = PriceFile.overlay(PriceFile.bundled(), json == null ? "" : json, "prices");
            } catch (ConfigException e) {
                throw new ActionFailedException(e.getMessage(), false, e);
            }
            if (savedFile != null) {
                try {
                    Files.createDirectories(savedFile.toAbsolutePath().getParent());
                    PrivateFiles.writeAtomically(savedFile, json);
                } catch (IOException e) {
                    throw new ActionFailedException("could not save the prices: " + e.getMessage(), true, e);
                }
            }
            current.set(withFlag(table));
        });
    }

    private PriceTable withFlag(PriceTable table) {
        return flagPrices == null ? table : PriceFile.overlay(table, flagPrices);
    }
}
