package dev.switchboard.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.ModelPrice;
import dev.switchboard.call.PriceTable;
import dev.switchboard.config.PriceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings' prices: saved over the list prices, kept across restarts, and still under {@code --prices}. */
class PriceBookTest {

    @TempDir
    Path dir;

    @Test
    void savedPricesApplyToNewCallsAndSurviveARestartButTheFlagWins() throws Exception {
        Path saved = dir.resolve("prices.json");
        PriceBook book = new PriceBook(saved, null);
        assertEquals(PriceFile.bundledJson(), book.pricesJson(), "starts from the list prices");
        assertTrue(book.current().priceOf("gpt-realtime-2").isEmpty(), "no list price known: unknown, not invented");

        book.savePrices("{\"gpt-realtime-2\": {\"text_input\": 1, \"text_cached_input\": 0.1, \"text_output\": 2,"
                + " \"audio_input\": 3, \"audio_cached_input\": 0.3, \"audio_output\": 4}}").join();
        assertEquals(new ModelPrice(1, 0.1, 2, 3, 0.3, 4), book.current().priceOf("gpt-realtime-2").orElseThrow());
        assertTrue(book.current().priceOf("gpt-realtime").isPresent(), "the list prices stay under the saved ones");
        assertTrue(Files.readString(saved).contains("gpt-realtime-2"));

        PriceTable flag = new PriceTable(Map.of("gpt-realtime-2", new ModelPrice(9, 9, 9, 9, 9, 9)));
        PriceBook restarted = new PriceBook(saved, flag);
        assertEquals(9, restarted.current().priceOf("gpt-realtime-2").orElseThrow().textInput(), "--prices wins");
        assertTrue(restarted.overriddenByFlag());
    }

    @Test
    void badJsonIsRefusedInOneLineAndNothingChanges() {
        PriceBook book = new PriceBook(dir.resolve("prices.json"), null);
        CompletionException e = assertThrows(CompletionException.class, () -> book.savePrices("{not json").join());
        String message = e.getCause().getMessage();
        assertTrue(message.startsWith("prices: not valid JSON"), message);
        assertFalse(message.contains("\n"), message);
        assertFalse(Files.exists(dir.resolve("prices.json")));
    }
}
