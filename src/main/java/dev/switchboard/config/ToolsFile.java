package dev.switchboard.config;

import dev.switchboard.call.ToolSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --tools FILE}: {@code {"tools":[…API tool objects…], "replies":{"<function name>": <any JSON>}}}. Every call
 * is accepted with exactly these tools; a problem is one line naming the file, the problem and its JSON pointer.
 */
public final class ToolsFile {

    private ToolsFile() {
    }

    public static ToolSet read(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("tools file " + file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException e) {
            throw new ConfigException("tools file " + file + ": is not UTF-8 text");
        }
        try {
            ToolSet tools = ToolsJson.readToolsFile(text);
            if (!tools.problems().isEmpty()) {
                throw new ConfigException("tools file " + file + ": " + tools.problems().get(0));
            }
            return tools;
        } catch (ToolsJson.ToolsFormatException e) {
            throw new ConfigException("tools file " + file + ": " + e.getMessage().replace('\n', ' '));
        }
    }
}
