package dev.switchboard.setup;

import dev.switchboard.config.AppConfig;
import dev.switchboard.config.ConfigException;
import dev.switchboard.logging.Redactor;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code --check}: the setup checklist on the command line, one line per check, exit code 0 when nothing failed
 * and 1 otherwise (also when the configuration cannot be read).
 */
public final class CheckCommand {

    private CheckCommand() {
    }

    /** Turns the command line into what the checklist checks; the app's loader adds what the window saved. */
    @FunctionalInterface
    public interface SettingsLoader {
        SetupChecklist.Settings load(AppConfig config) throws ConfigException;
    }

    public static void main(String[] args) {
        main(args, SetupChecklist.Settings::of);
    }

    public static void main(String[] args, SettingsLoader loader) {
        PrintStream out = new PrintStream(System.out, true, consoleCharset());
        System.exit(run(args, System.getenv(), Path.of("").toAbsolutePath(), out, System.err,
                SetupChecklist.DEFAULT_TIMEOUT, canShow(consoleCharset()), loader));
    }

    /**
     * @param symbols ✔/✘/– when the console can show them, else [ok]/[FAIL]/[skip]
     */
    public static int run(String[] args, Map<String, String> env, Path workingDir, PrintStream out, PrintStream err,
                          Duration timeout, boolean symbols) {
        return run(args, env, workingDir, out, err, timeout, symbols, SetupChecklist.Settings::of);
    }

    public static int run(String[] args, Map<String, String> env, Path workingDir, PrintStream out, PrintStream err,
                          Duration timeout, boolean symbols, SettingsLoader loader) {
        AppConfig config;
        SetupChecklist.Settings settings;
        try {
            config = AppConfig.load(args, env, workingDir);
            if (config.helpRequested()) {
                out.println(AppConfig.usage());
                return 0;
            }
            settings = loader.load(config);
        } catch (ConfigException e) {
            out.println(mark(CheckResult.Status.FAIL, symbols) + " Configuration: " + Redactor.redact(e.getMessage()));
            return 1;
        }
        List<CheckResult> results;
        try (SetupChecklist checklist = new SetupChecklist(settings, null, timeout)) {
            results = checklist.run();
        }
        for (CheckResult result : results) {
            out.println(line(result, symbols));
        }
        out.flush();
        return SetupChecklist.allPassed(results) ? 0 : 1;
    }

    /** {@code ✔ API key: OpenAI accepted the key sk-...abcd.} or {@code ✘ name: detail Fix: …} */
    public static String line(CheckResult result, boolean symbols) {
        String text = mark(result.status(), symbols) + " " + result.name() + ": " + result.detail();
        return result.fix().isEmpty() ? text : text + " Fix: " + result.fix();
    }

    private static String mark(CheckResult.Status status, boolean symbols) {
        return switch (status) {
            case PASS -> symbols ? "\u2714" : "[ok]";
            case FAIL -> symbols ? "\u2718" : "[FAIL]";
            case SKIPPED -> symbols ? "\u2013" : "[skip]";
        };
    }

    private static Charset consoleCharset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding", "native.encoding"}) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static boolean canShow(Charset charset) {
        return charset.newEncoder().canEncode("\u2714\u2718\u2013");
    }
}
