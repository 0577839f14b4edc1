package dev.switchboard.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code .env} file: {@code KEY=value} lines, optional {@code export }, {@code #} comments, and
 * single or double quotes. Errors name the line number but never its content, which may be a secret.
 */
final class DotEnv {

    private DotEnv() {
    }

    /** @return the values, or an empty map when the file does not exist */
    static Map<String, String> read(Path file) throws ConfigException {
        if (!Files.exists(file)) {
            return Map.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ConfigException(file.getFileName() + " is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        return parse(lines);
    }

    static Map<String, String> parse(List<String> lines) throws ConfigException {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = lines.get(i).replace("\uFEFF", "").strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ") || line.startsWith("export\t")) {
                line = line.substring("export".length()).strip();
            }
            int equals = line.indexOf('=');
            String key = equals < 0 ? "" : line.substring(0, equals).strip();
            if (!key.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                throw new ConfigException(".env line " + lineNumber + " is not KEY=value");
            }
            values.put(key, value(line.substring(equals + 1).strip(), lineNumber));
        }
        return values;
    }

    private static String value(String raw, int lineNumber) throws ConfigException {
        if (raw.isEmpty()) {
            return "";
        }
        char first = raw.charAt(0);
        if (first != '"' && first != '\'') {
            // As in other dotenv readers, " #" starts a comment after an unquoted value.
            int comment = indexOfComment(raw);
            return (comment < 0 ? raw : raw.substring(0, comment)).strip();
        }
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == first) {
                String rest = raw.substring(i + 1).strip();
                if (!rest.isEmpty() && !rest.startsWith("#")) {
                    throw new ConfigException(".env line " + lineNumber + " has text after the closing quote");
                }
                return value.toString();
            }
            if (first == '"' && c == '\\' && i + 1 < raw.length()) {
                char escaped = raw.charAt(++i);
                value.append(escaped == 'n' ? '\n' : escaped);
            } else {
                value.append(c);
            }
        }
        throw new ConfigException(".env line " + lineNumber + " has an unclosed quote");
    }

    private static int indexOfComment(String raw) {
        for (int i = 1; i < raw.length(); i++) {
            if (raw.charAt(i) == '#' && Character.isWhitespace(raw.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }
}
