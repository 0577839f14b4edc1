package dev.switchboard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any .env text gives values or a ConfigException that names a line but never quotes it (it may be a secret). */
class DotEnvFuzzTest {

    private static final String SECRET = "whsec_FuzzSecretValue";

    @Property(tries = 2000)
    void anyLinesGiveValuesOrACleanError(@ForAll("lines") List<String> lines) {
        List<String> withSecret = new ArrayList<>(lines);
        withSecret.add(lines.isEmpty() ? "" : lines.get(0) + SECRET); // a broken line that carries a secret
        for (List<String> input : List.of(lines, withSecret)) {
            try {
                Map<String, String> values = DotEnv.parse(input);
                assertNotNull(values);
                values.keySet().forEach(k -> assertFalse(k.isBlank()));
            } catch (ConfigException e) {
                assertFalse(e.getMessage().contains(SECRET), "an error never quotes the line: " + e.getMessage());
                assertFalse(e.getMessage().contains("FuzzSecret"));
            }
        }
    }

    @Property(tries = 1000)
    void plainAssignmentsReadBack(@ForAll("keys") String key, @ForAll("plainValues") String value) throws Exception {
        assertEquals(Map.of(key, value.strip()), DotEnv.parse(List.of("export " + key + "=" + value)));
        assertEquals(Map.of(key, value), DotEnv.parse(List.of(key + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")));
    }

    @Provide
    Arbitrary<List<String>> lines() {
        Arbitrary<String> parts = Arbitraries.of("KEY", "OPENAI_API_KEY", "=", "\"", "'", "#", " ", "export ", "\\",
                "\\n", "\uFEFF", "value", "1", "a.b", "\t", "\u00e9", "==");
        Arbitrary<String> line = Arbitraries.oneOf(parts.list().ofMaxSize(12).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(40));
        return line.list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.strings().withCharRange('A', 'Z').withChars('_').ofMinLength(1).ofMaxLength(12)
                .map(k -> "K" + k);
    }

    @Provide
    Arbitrary<String> plainValues() {
        // no quotes first, no " #" (a comment), no surrounding blanks
        return Arbitraries.strings().alpha().numeric().withChars('-', '_', '.', '/', ':').ofMaxLength(30);
    }
}
