package dev.switchboard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.ModelPrice;
import dev.switchboard.call.PriceTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceFileTest {

    @TempDir
    Path dir;

    @Test
    void theBuiltInTableHasTheRealtimeListPrices() {
        PriceTable table = PriceFile.bundled();
        assertEquals(new ModelPrice(4, 0.4, 16, 32, 0.4, 64), table.priceOf("gpt-realtime").orElseThrow());
        assertEquals(new ModelPrice(0.6, 0.06, 2.4, 10, 0.3, 20), table.priceOf("gpt-realtime-mini").orElseThrow());
        assertTrue(table.priceOf("gpt-4o-realtime-preview").isPresent());
        assertTrue(table.priceOf("gpt-4o-mini-realtime-preview").isPresent());
        assertEquals(table.priceOf("gpt-realtime"), table.priceOf("gpt-realtime-2099-01-01"), "dated snapshot");
        assertFalse(table.priceOf("whisper-1").isPresent());
    }

    @Test
    void aUserFileAddsAndOverridesModels() throws Exception {
        Path file = write("{\"gpt-realtime\": {\"text_input\": 1, \"text_cached_input\": 0.1, \"text_output\": 2,"
                + " \"audio_input\": 3, \"audio_cached_input\": 0.3, \"audio_output\": 4},"
                + " \"my-proxy-model\": {\"text_input\": 0, \"text_cached_input\": 0, \"text_output\": 0,"
                + " \"audio_input\": 0, \"audio_cached_input\": 0, \"audio_output\": 0}}");
        PriceTable table = PriceFile.read(file);
        assertEquals(new ModelPrice(1, 0.1, 2, 3, 0.3, 4), table.priceOf("gpt-realtime").orElseThrow());
        assertTrue(table.priceOf("my-proxy-model").isPresent());
        assertEquals(PriceFile.bundled().priceOf("gpt-realtime-mini"), table.priceOf("gpt-realtime-mini"));
    }

    @Test
    void problemsAreOneLineNamingTheFile() throws Exception {
        assertProblem("{\"gpt-realtime\": {\"text_input\": 1}", "not valid JSON at line 1");
        assertProblem("[]", "expected a JSON object of models");
        assertProblem("{}", "no models in it");
        assertProblem("{\"m\": 4}", "model 'm' must be an object with text_input");
        assertProblem("{\"m\": {\"text_input\": 1, \"text_cached_input\": 0.1, \"text_output\": 2, \"audio_input\": 3,"
                + " \"audio_cached_input\": 0.3}}", "model 'm' lacks audio_output");
        assertProblem("{\"m\": {\"text_inptu\": 1}}", "model 'm' has unknown key 'text_inptu'");
        assertProblem("{\"m\": {\"text_input\": \"4\", \"text_cached_input\": 0.1, \"text_output\": 2, \"audio_input\": 3,"
                + " \"audio_cached_input\": 0.3, \"audio_output\": 4}}", "text_input must be a number");
        assertProblem("{\"m\": {\"text_input\": -4, \"text_cached_input\": 0.1, \"text_output\": 2, \"audio_input\": 3,"
                + " \"audio_cached_input\": 0.3, \"audio_output\": 4}}", "0 or more");
        ConfigException missing = assertThrows(ConfigException.class, () -> PriceFile.read(dir.resolve("nope.json")));
        assertEquals("--prices " + dir.resolve("nope.json") + ": file not found", missing.getMessage());
    }

    @Test
    void appConfigReadsThePricesFlag() throws Exception {
        Path file = write("{\"gpt-realtime-x\": {\"text_input\": 1, \"text_cached_input\": 0.1, \"text_output\": 2,"
                + " \"audio_input\": 3, \"audio_cached_input\": 0.3, \"audio_output\": 4}}");
        AppConfig config = AppConfig.load(new String[] {"--prices", file.getFileName().toString()}, Map.of(), dir);
        assertTrue(config.prices().priceOf("gpt-realtime-x").isPresent());
        assertTrue(AppConfig.load(new String[0], Map.of(), dir).prices().priceOf("gpt-realtime").isPresent());
        ConfigException bad = assertThrows(ConfigException.class,
                () -> AppConfig.load(new String[] {"--prices=missing.json"}, Map.of(), dir));
        assertTrue(bad.getMessage().startsWith("--prices ") && bad.getMessage().endsWith("missing.json: file not found"),
                bad.getMessage());
        assertTrue(AppConfig.usage().contains("--prices FILE"));
    }

    private void assertProblem(String json, String expected) throws IOException {
        Path file = write(json);
        ConfigException e = assertThrows(ConfigException.class, () -> PriceFile.read(file), json);
        assertTrue(e.getMessage().startsWith("--prices " + file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private Path write(String json) throws IOException {
        Path file = Files.createTempFile(dir, "prices", ".json");
        Files.writeString(file, json);
        return file;
    }
}
