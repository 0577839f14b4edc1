package dev.switchboard.app;

import dev.switchboard.call.Call;
import dev.switchboard.config.AppConfig;
import dev.switchboard.call.ToolSet;
import dev.switchboard.config.ConfigException;
import dev.switchboard.config.ToolsFile;
import dev.switchboard.logging.Redactor;
import dev.switchboard.monitor.ToolAutoReply;
import dev.switchboard.sim.Scenario;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.store.StoreException;
import dev.switchboard.team.TeamHub;
import dev.switchboard.team.TeamOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
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
    static final List<Scenario> DEMO_SEQUENCE = List.of(Scenario.SUPPORT_CALL, Scenario.DTMF_MENU, Scenario.TOOL_CALL,
            Scenario.PARALLEL_TOOLS, Scenario.MCP_APPROVAL);
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
        if (config.commandLine().has("import-profiles")) {
            return HeadlessExtras.importProfiles(config, workingDir, out, err); // no listener
        }
        TeamOptions team;
        try {
            team = TeamMain.options(config);
        } catch (ConfigException e) {
            err.println("switchboard: " + Redactor.redact(e.getMessage()));
            return 2;
        }
        if (team.headlessDesk()) {
            return TeamMain.headlessDesk(team, config, out, err);
        }
        ToolSet tools = null;
        String mcpApprove = config.commandLine().value("mcp-approve");
        if (mcpApprove != null && !mcpApprove.equals("always") && !mcpApprove.equals("never")) {
            err.println("switchboard: --mcp-approve must be always or never, not '" + mcpApprove + "'");
            return 2;
        }
        if (config.commandLine().value("tools") != null) {
            try {
                tools = ToolsFile.read(workingDir.resolve(config.commandLine().value("tools")));
            } catch (ConfigException e) {
                err.println("switchboard: " + Redactor.redact(e.getMessage()));
                return 1;
            }
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
        try (runtime; TeamHub hub = TeamMain.hub(team, runtime)) {
            HeadlessPrinter printer = new HeadlessPrinter(out, runtime.recorder()::flushAsync); // prints what is committed
            runtime.calls().onAdded(printer::follow);
            // nobody is there to answer: every function call and approval request is answered automatically
            // (a hub's desks get a few seconds to answer by hand first)
            boolean approve = "always".equals(mcpApprove);
            runtime.monitor().setToolAutoReply(hub != null ? ToolAutoReply.teamHub(approve) : ToolAutoReply.headless(approve));
            HeadlessExtras extras = new HeadlessExtras();
            extras.followEndedCalls(config, workingDir, runtime, printer);
            if (config.commandLine().has("ab")) {
                try {
                    out.println(HeadlessExtras.startAb(config.commandLine(), runtime));
                } catch (IllegalArgumentException e) {
                    err.println("switchboard: " + e.getMessage());
                    return 2;
                }
            } else if (config.profile().isPresent()) {
                ProfileVersion profile;
                try {
                    profile = runtime.profiles().latest(config.profile().get());
                } catch (IllegalArgumentException e) {
                    err.println("switchboard: " + e.getMessage());
                    return 2;
                }
                runtime.profiles().acceptEveryCallWith(profile);
                out.println("switchboard: accepting with profile " + profile.ref().describe()
                        + (profile.alerts().isEmpty() ? "" : " (" + profile.alerts().describe() + ")"));
            } else {
                runtime.service().setAutoAccept(true, tools == null ? config.acceptSettings()
                        : config.acceptSettings().withTools(tools));
            }
            out.println("switchboard: listening on " + runtime.listenerUrl()
                    + (runtime.isDemo() ? " (demo mode: simulated calls, no API key needed)" : ""));
            out.flush();
            if (runtime.isDemo()) {
                return playDemo(runtime, out, err, printer, extras);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (hub != null) {
                    hub.close();
                }
                runtime.close();
            }, "switchboard-shutdown"));
            new CountDownLatch(1).await();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int playDemo(SwitchboardRuntime runtime, PrintStream out, PrintStream err, HeadlessPrinter printer,
                                HeadlessExtras extras) throws InterruptedException {
        List<String> played = new ArrayList<>();
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
            played.add(callId);
        }
        extras.awaitPending(played);
        printer.awaitPrinted();
        out.println("switchboard: demo finished");
        return 0;
    }
}
