package dev.switchboard.app;

import dev.switchboard.call.Call;
import dev.switchboard.config.AppConfig;
import dev.switchboard.config.ConfigException;
import dev.switchboard.logging.Redactor;
import dev.switchboard.sim.Scenario;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.store.StoreException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code --headless}: the listener auto-accepts every call with the configured settings and prints the
 * transcript to stdout. With {@code --demo} (or no API key) it rings simulated calls and exits when they end.
 */
public final class HeadlessMain {

    /** The demo plays these one after another. */
    static final List<Scenario> DEMO_SEQUENCE = List.of(Scenario.SUPPORT_CALL, Scenario.DTMF_MENU, Scenario.TOOL_CALL);
    static final double DEMO_SPEED = 3.0;

    private HeadlessMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), Path.of("").toAbsolutePath(), System.out, System.err, DEMO_SPEED));
    }

    static int run(String[] args, Map<String, String> env, Path workingDir, PrintStream out, PrintStream err,
                   double simSpeed) {
        AppConfig config;
        try {
            config = AppConfig.load(args, env, workingDir);
        } catch (ConfigException e) {
            err.println("switchboard: " + Redactor.redact(e.getMessage()));
            return 2;
        }
        if (config.helpRequested()) {
            out.println(AppConfig.usage());
            return 0;
        }
        SwitchboardRuntime runtime;
        try {
            runtime = SwitchboardRuntime.start(config, simSpeed);
        } catch (ConfigException e) {
            err.println("switchboard: " + Redactor.redact(e.getMessage()));
            return 2;
        } catch (IOException e) {
            err.println("switchboard: could not start the webhook listener: " + e.getMessage());
            return 1;
        } catch (StoreException e) {
            err.println("switchboard: " + Redactor.redact(e.getMessage()));
            return 1;
        }
        try (runtime) {
            HeadlessPrinter printer = new HeadlessPrinter(out, runtime.recorder()::flushAsync); // prints what is committed
            runtime.calls().onAdded(printer::follow);
            if (config.profile().isPresent()) {
                ProfileVersion profile;
                try {
                    profile = runtime.profiles().latest(config.profile().get());
                } catch (IllegalArgumentException e) {
                    err.println("switchboard: " + e.getMessage());
                    return 2;
                }
                runtime.profiles().acceptEveryCallWith(profile);
                out.println("switchboard: accepting with profile " + profile.ref().describe());
            } else {
                runtime.service().setAutoAccept(true, config.acceptSettings());
            }
            out.println("switchboard: listening on " + runtime.listenerUrl()
                    + (runtime.isDemo() ? " (demo mode: simulated calls, no API key needed)" : ""));
            out.flush();
            if (runtime.isDemo()) {
                return playDemo(runtime, out, err, printer);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "switchboard-shutdown"));
            new CountDownLatch(1).await();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int playDemo(SwitchboardRuntime runtime, PrintStream out, PrintStream err, HeadlessPrinter printer)
            throws InterruptedException {
        for (Scenario scenario : DEMO_SEQUENCE) {
            String callId;
            try {
                callId = runtime.service().ringDemoCall(scenario.ordinal()).join();
            } catch (RuntimeException e) {
                err.println("switchboard: the simulated call could not ring: " + e.getMessage());
                return 1;
            }
            Call call;
            try {
                call = runtime.calls().whenAdded(callId).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                err.println("switchboard: the simulated call " + callId + " never reached the monitor");
                return 1;
            }
            CountDownLatch over = new CountDownLatch(1);
            call.addListener((c, change) -> {
                if (c.state().isTerminal()) {
                    over.countDown();
                }
            });
            if (!call.state().isTerminal() && !over.await(3, TimeUnit.MINUTES)) {
                err.println("switchboard: the simulated call " + callId + " did not end in time");
                return 1;
            }
        }
        printer.awaitPrinted();
        out.println("switchboard: demo finished");
        return 0;
    }
}
