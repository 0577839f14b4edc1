package dev.switchboard.app;

import dev.switchboard.setup.CheckResult;
import dev.switchboard.setup.SetupChecklist;
import dev.switchboard.ui.setup.SetupRunner;
import java.time.Duration;
import java.util.List;

/**
 * The window's setup checklist on the runtime's current connection. Live mode probes the running listener (and
 * watches the public URL's self-test arrive there). Demo mode does not hand over the demo listener (it verifies
 * with the simulator's secret); when that listener holds the configured port, the port and tunnel checks are
 * reported as skipped instead of "port in use" by ourselves.
 */
final class AppSetupRunner implements SetupRunner {

    private final SwitchboardRuntime runtime;
    private final Duration timeout;

    AppSetupRunner(SwitchboardRuntime runtime, Duration timeout) {
        this.runtime = runtime;
        this.timeout = timeout;
    }

    @Override
    public List<CheckResult> run(String publicUrl, String projectId) {
        SetupChecklist.Settings settings = runtime.setupSettings(publicUrl, projectId);
        if (!runtime.isDemo()) {
            try (SetupChecklist checklist = new SetupChecklist(settings, runtime.webhookListener(), timeout)) {
                return checklist.run();
            }
        }
        int demoPort = runtime.webhookListener().port();
        try (SetupChecklist checklist = new SetupChecklist(settings, null, timeout)) {
            if (demoPort != settings.port()) {
                return checklist.run(); // the live port is free to bind: check it for real
            }
            CheckResult key = checklist.checkApiKey();
            CheckResult secret = checklist.checkWebhookSecret();
            CheckResult listener = CheckResult.skipped(SetupChecklist.LISTENER,
                    "Demo mode's simulator uses port " + demoPort + " now.",
                    "Save an API key and webhook secret in Settings: live mode then listens on port " + demoPort
                            + ", and this check tests it.");
            CheckResult url = checklist.checkPublicUrl(secret.passed(), false);
            if (url.status() == CheckResult.Status.SKIPPED) {
                url = CheckResult.skipped(SetupChecklist.PUBLIC_URL,
                        "Not tested in demo mode: the test webhook must reach the live listener.",
                        "Switch to live mode (Settings), then run the checks again.");
            }
            return List.of(key, secret, listener, url, checklist.checkSipUri());
        }
    }
}
