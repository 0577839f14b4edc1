package dev.switchboard.ui.setup;

import dev.switchboard.config.SetupFile;
import dev.switchboard.config.SetupStore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.setup.CheckResult;
import dev.switchboard.setup.SetupChecklist;
import dev.switchboard.ui.UiDispatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The setup screen's model without the toolkit: a fake checklist runner, the calling thread as background. */
public final class SetupViewModelTest {

    public static final List<CheckResult> MIXED = List.of(
            CheckResult.pass(SetupChecklist.API_KEY, "OpenAI accepted the key sk-...abcd."),
            CheckResult.fail(SetupChecklist.WEBHOOK_SECRET, "OPENAI_WEBHOOK_SECRET does not start with whsec_.",
                    "Copy the signing secret again from Settings > Webhooks."),
            CheckResult.pass(SetupChecklist.LISTENER, "Listening on http://127.0.0.1:8000/webhook."),
            CheckResult.skipped(SetupChecklist.PUBLIC_URL, "Not tested: the webhook secret is not ready.",
                    "Fix the items above, then check again."),
            CheckResult.pass(SetupChecklist.SIP_URI, "sip:proj_abc123@sip.api.openai.com;transport=tls"));

    private final List<String[]> runs = new ArrayList<>();
    private final SetupStore store = SetupStore.inMemory(new SetupStore.Fields("https://old.ngrok.app/webhook", ""));

    private SetupViewModel model(List<CheckResult> results) {
        return new SetupViewModel((url, id) -> {
            runs.add(new String[] {url, id});
            return results;
        }, store, Runnable::run, UiDispatcher.immediate());
    }

    @Test
    void resultsBecomeOneRowEachAndFailuresShowTheirFix() {
        SetupViewModel model = model(MIXED);
        assertEquals(SetupViewModel.NOT_RUN, model.summaryProperty().get());
        model.run();

        assertEquals(5, model.rows().size());
        SetupRow key = model.rows().get(0);
        assertEquals("\u2714", key.mark());
        assertEquals("check-pass", key.styleClass());
        assertEquals("", key.fixText(), "a pass has no fix");
        SetupRow secret = model.rows().get(1);
        assertTrue(secret.failed());
        assertEquals("\u2718", secret.mark());
        assertEquals("fth-x-circle", secret.icon());
        assertEquals("Fix: Copy the signing secret again from Settings > Webhooks.", secret.fixText());
        SetupRow url = model.rows().get(3);
        assertEquals("\u2013", url.mark());
        assertEquals("check-skipped", url.styleClass());
        assertEquals("Fix the items above, then check again.", url.fixText());

        assertTrue(model.anyFailedProperty().get());
        assertEquals("1 of 5 checks failed. Fix them from the top, then run the checks again.",
                model.summaryProperty().get());
        assertFalse(model.runningProperty().get());
    }

    @Test
    void allPassedSaysSo() {
        SetupViewModel model = model(MIXED.stream().filter(r -> r.passed()).toList());
        model.run();
        assertFalse(model.anyFailedProperty().get());
        assertEquals("All 3 checks passed: calls to your number will ring here.", model.summaryProperty().get());
    }

    @Test
    void runsWithTheEnteredFieldsAndKeepsThem() {
        SetupViewModel model = model(MIXED);
        assertEquals("https://old.ngrok.app/webhook", model.publicUrlProperty().get(), "loaded from the store");
        model.publicUrlProperty().set("  https://xyz.ngrok.app/webhook ");
        model.projectIdProperty().set("proj_abc123");
        model.run();
        assertEquals("https://xyz.ngrok.app/webhook", runs.get(0)[0]);
        assertEquals("proj_abc123", runs.get(0)[1]);
        assertEquals(new SetupStore.Fields("https://xyz.ngrok.app/webhook", "proj_abc123"), store.load());
    }

    @Test
    void theSipUriFollowsTheProjectId() {
        SetupViewModel model = model(MIXED);
        assertEquals("", model.sipUriProperty().get());
        model.projectIdProperty().set("org-123456");
        assertEquals("", model.sipUriProperty().get(), "not a project id");
        model.projectIdProperty().set(" proj_abc123 ");
        assertEquals("sip:proj_abc123@sip.api.openai.com;transport=tls", model.sipUriProperty().get());
    }

    @Test
    void theChecklistRunsInTheBackgroundAndResultsComeBackThroughTheDispatcher() {
        Queue<Runnable> background = new ArrayDeque<>();
        Queue<Runnable> fx = new ArrayDeque<>();
        Executor executor = background::add;
        SetupViewModel model = new SetupViewModel((url, id) -> MIXED, store, executor, fx::add);
        background.poll().run(); // the saved fields are read off the FX thread too
        fx.poll().run();
        CompletableFuture<List<CheckResult>> done = model.run();
        assertTrue(model.runningProperty().get());
        assertEquals(SetupViewModel.RUNNING, model.summaryProperty().get());
        assertTrue(model.run().isCancelled(), "one run at a time");

        background.poll().run();
        assertTrue(model.rows().isEmpty(), "nothing touched off the FX thread");
        fx.poll().run();
        assertEquals(5, model.rows().size());
        assertTrue(done.isDone());
        assertFalse(model.runningProperty().get());
    }

    @Test
    void aRunnerThatThrowsSaysSoInsteadOfHanging() {
        SetupViewModel model = new SetupViewModel((url, id) -> {
            throw new IllegalStateException("no network");
        }, store, Runnable::run, UiDispatcher.immediate());
        assertTrue(model.run().isCompletedExceptionally());
        assertFalse(model.runningProperty().get());
        assertEquals("The checks could not run: no network", model.summaryProperty().get());
    }

    @Test
    void setupFileKeepsTheFieldsAndTheEnvironmentWins(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data").resolve(SetupFile.FILE_NAME);
        SetupFile setup = new SetupFile(file, new SetupStore.Fields("", ""));
        assertFalse(setup.exists());
        assertEquals(new SetupStore.Fields("", ""), setup.load());
        setup.save(new SetupStore.Fields("https://a.ngrok.app/webhook", "proj_abc123"));
        assertTrue(Files.exists(file));
        assertEquals(new SetupStore.Fields("https://a.ngrok.app/webhook", "proj_abc123"), setup.load());
        SetupFile withFlag = new SetupFile(file, new SetupStore.Fields("https://flag.example/webhook", ""));
        assertEquals(new SetupStore.Fields("https://flag.example/webhook", "proj_abc123"), withFlag.load());
    }
}
