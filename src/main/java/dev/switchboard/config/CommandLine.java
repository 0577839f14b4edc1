package dev.switchboard.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed command line: every flag checked against its {@link FlagSpec}; a flag that is not repeatable keeps
 * its last occurrence. Errors are one line, naming the flag.
 */
public final class CommandLine {

    /** No flags at all. */
    public static final CommandLine EMPTY = new CommandLine();

    private final Map<String, List<List<String>>> seen = new LinkedHashMap<>();

    private CommandLine() {
    }

    public static CommandLine parse(List<String> args, List<FlagSpec> specs) throws ConfigException {
        Map<String, FlagSpec> byName = new HashMap<>();
        specs.forEach(spec -> byName.put(spec.name(), spec));
        CommandLine line = new CommandLine();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new ConfigException("unexpected argument '" + arg + "' (see --help)");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            String inline = equals < 0 ? null : arg.substring(equals + 1);
            FlagSpec spec = byName.get(name);
            if (spec == null) {
                throw new ConfigException("unknown option --" + name + " (see --help)");
            }
            List<String> values = new ArrayList<>();
            if (spec.values() == 0) {
                if (inline != null) {
                    throw new ConfigException("--" + name + " takes no value");
                }
            } else {
                if (inline != null) {
                    values.add(inline);
                }
                while (values.size() < spec.values()) {
                    // the first value may look like anything; later ones (e.g. a sentence to say) too, but a
                    // missing value must not swallow the next flag
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new ConfigException("--" + name + " needs " + (spec.values() == 1 ? "a value"
                                : spec.values() + " values: " + spec.args()));
                    }
                    values.add(args.get(++i));
                }
            }
            List<List<String>> occurrences = line.seen.computeIfAbsent(name, k -> new ArrayList<>());
            if (!spec.repeatable()) {
                occurrences.clear();
            }
            occurrences.add(List.copyOf(values));
        }
        return line;
    }

    public boolean has(String name) {
        return seen.containsKey(name);
    }

    /** The (last) value of a one-value flag, or null when it was not given. */
    public String value(String name) {
        List<List<String>> occurrences = seen.get(name);
        return occurrences == null ? null : occurrences.get(occurrences.size() - 1).get(0);
    }

    /** Every value of a repeatable flag, in order; empty when it was not given. */
    public List<String> values(String name) {
        return seen.getOrDefault(name, List.of()).stream().map(v -> v.get(0)).toList();
    }

    /** The values of a flag that takes several, e.g. {@code --say CALL_ID TEXT}; empty when not given. */
    public List<String> group(String name) {
        List<List<String>> occurrences = seen.get(name);
        return occurrences == null ? List.of() : occurrences.get(occurrences.size() - 1);
    }
}
