package dev.switchboard.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.call.ModelPrice;
import dev.switchboard.call.PriceTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Price tables in JSON: {@code {"<model>": {"text_input": 4, "text_cached_input": 0.4, …}}}, USD per 1M tokens.
 * The built-in table ships as {@value #RESOURCE}; a user's {@code --prices FILE} adds models or overrides them.
 */
public final class PriceFile {

    public static final String RESOURCE = "/dev/switchboard/prices.json";
    public static final List<String> KEYS = List.of("text_input", "text_cached_input", "text_output",
            "audio_input", "audio_cached_input", "audio_output");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static volatile PriceTable bundled;

    private PriceFile() {
    }

    /** The list prices shipped with this build. A broken resource is a build error, hence unchecked. */
    public static PriceTable bundled() {
        PriceTable table = bundled;
        if (table == null) {
            try (InputStream in = PriceFile.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the build");
                }
                table = new PriceTable(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ConfigException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            bundled = table;
        }
        return table;
    }

    /** The shipped prices.json as text: what the Settings editor starts from. */
    public static String bundledJson() {
        try (InputStream in = PriceFile.class.getResourceAsStream(RESOURCE)) {
            return in == null ? "{}" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code base} with the models of {@code json} added or replaced; errors name {@code source} in one line. */
    public static PriceTable overlay(PriceTable base, String json, String source) throws ConfigException {
        Map<String, ModelPrice> merged = new HashMap<>();
        for (String model : base.models()) {
            merged.put(model, base.priceOf(model).orElseThrow());
        }
        merged.putAll(parse(json, source));
        return new PriceTable(merged);
    }

    /** {@code top}'s models over {@code base}'s. */
    public static PriceTable overlay(PriceTable base, PriceTable top) {
        Map<String, ModelPrice> merged = new HashMap<>();
        for (PriceTable t : List.of(base, top)) {
            for (String model : t.models()) {
                merged.put(model, t.priceOf(model).orElseThrow());
            }
        }
        return new PriceTable(merged);
    }

    /** The built-in prices with the file's models added or replaced; errors name the file and the problem in one line. */
    public static PriceTable read(Path file) throws ConfigException {
        String where = "--prices " + file;
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(where + ": file not found");
        }
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ConfigException(where + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(where + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        Map<String, ModelPrice> merged = new HashMap<>();
        PriceTable builtIn = bundled();
        for (String model : builtIn.models()) {
            merged.put(model, builtIn.priceOf(model).orElseThrow());
        }
        merged.putAll(parse(json, where));
        return new PriceTable(merged);
    }

    /** @param source how messages name the input, e.g. {@code --prices my.json} */
    static Map<String, ModelPrice> parse(String json, String source) throws ConfigException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json.replace("\uFEFF", ""));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ConfigException(source + ": not valid JSON" + where + " (" + firstLine(e.getOriginalMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(source + ": expected a JSON object of models, like {\"gpt-realtime\": {\"text_input\": 4, …}}");
        }
        Map<String, ModelPrice> prices = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> model = it.next();
            prices.put(model.getKey().trim(), price(source, model.getKey(), model.getValue()));
        }
        if (prices.isEmpty()) {
            throw new ConfigException(source + ": no models in it");
        }
        return prices;
    }

    private static ModelPrice price(String source, String model, JsonNode node) throws ConfigException {
        String what = source + ": model '" + model + "'";
        if (model.isBlank()) {
            throw new ConfigException(source + ": a model name is empty");
        }
        if (!node.isObject()) {
            throw new ConfigException(what + " must be an object with " + String.join(", ", KEYS));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!KEYS.contains(key)) {
                throw new ConfigException(what + " has unknown key '" + key + "' (expected " + String.join(", ", KEYS) + ")");
            }
        }
        double[] v = new double[KEYS.size()];
        for (int i = 0; i < KEYS.size(); i++) {
            JsonNode value = node.get(KEYS.get(i));
            if (value == null) {
                throw new ConfigException(what + " lacks " + KEYS.get(i));
            }
            if (!value.isNumber() || value.asDouble() < 0 || !Double.isFinite(value.asDouble())) {
                throw new ConfigException(what + ": " + KEYS.get(i) + " must be a number of USD per 1M tokens, 0 or more, got "
                        + value);
            }
            v[i] = value.asDouble();
        }
        return new ModelPrice(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
