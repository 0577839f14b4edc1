package dev.switchboard.ui.settings;

import dev.switchboard.config.HubAddress;
import dev.switchboard.config.SavedTeamHub;
import dev.switchboard.monitor.TeamHubSettings;
import dev.switchboard.ui.CallCommands;
import dev.switchboard.ui.UiDispatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Settings → Team hub: a {@code redis://} or {@code rediss://} URL and a desk name, saved for the next start, when
 * the window attaches as a watcher desk (as with {@code --attach}); Clear goes back to a single desk. The password
 * is never shown: the saved URL comes masked ({@code ***}), and a password typed or pasted into the field is taken
 * aside and the field shows the mask instead ({@link #maskTypedPassword()}).
 */
public final class TeamHubViewModel {

    private final TeamHubSettings settings;
    private final UiDispatcher dispatcher;
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty desk = new SimpleStringProperty(this, "desk", "");
    private final StringProperty result = new SimpleStringProperty(this, "result", "");
    private final StringProperty savedLine = new SimpleStringProperty(this, "savedLine", "");
    private final BooleanProperty saving = new SimpleBooleanProperty(this, "saving");
    private final BooleanProperty failed = new SimpleBooleanProperty(this, "failed");
    private final BooleanProperty hasSaved = new SimpleBooleanProperty(this, "hasSaved");
    private final StringBinding problem;
    /** The password the person typed, while the field shows the mask; null when none was typed. */
    private String typedPassword;

    public TeamHubViewModel(TeamHubSettings settings, UiDispatcher dispatcher) {
        this.settings = settings;
        this.dispatcher = dispatcher;
        Optional<TeamHubSettings.Shown> saved = settings.saved();
        url.set(saved.map(TeamHubSettings.Shown::maskedUrl).orElse(""));
        desk.set(saved.map(TeamHubSettings.Shown::desk).orElse(settings.defaultDesk()));
        showSaved(saved);
        problem = Bindings.createStringBinding(() -> {
            List<String> all = problems();
            return all.isEmpty() ? "" : all.get(0);
        }, url, desk);
    }

    /** What is wrong with the URL and the desk name, first problem first; empty when Save may run. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String text = url.get() == null ? "" : url.get().trim();
        if (text.isEmpty()) {
            problems.add("Type the team hub's URL, like redis://host:6379 (or Clear to stay a single desk).");
        } else {
            String urlProblem = HubAddress.problem(text);
            if (!urlProblem.isEmpty()) {
                problems.add(sentence(urlProblem));
            }
        }
        String deskProblem = SavedTeamHub.deskProblem(desk.get());
        if (!deskProblem.isEmpty()) {
            problems.add(deskProblem);
        }
        return problems;
    }

    /** A password typed into the URL goes aside, and the field shows {@code ***} in its place. */
    public void maskTypedPassword() {
        String text = url.get() == null ? "" : url.get().trim();
        if (!HubAddress.problem(text).isEmpty()) {
            return;
        }
        HubAddress address = HubAddress.parse(text);
        if (address.password() != null && !address.passwordMasked()) {
            typedPassword = address.password();
            url.set(address.toString());
        }
    }

    /** The URL to save: the typed password put back in place of the mask (a mask alone keeps the saved one). */
    String urlToSave() {
        HubAddress address = HubAddress.parse(url.get().trim());
        return address.passwordMasked() && typedPassword != null ? address.withPassword(typedPassword).toUrl()
                : url.get().trim();
    }

    /** Saves for the next start; completes on the dispatcher. */
    public CompletableFuture<Void> save() {
        if (!problem.get().isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException(problem.get()));
        }
        String name = desk.get().trim();
        String shown = HubAddress.parse(url.get().trim()).toString();
        return run(settings.save(urlToSave(), name), "Saved. Restart Switchboard to attach to " + shown + " as desk "
                + name + "." + settings.overriddenBy().map(f -> " (" + f + " on the command line wins over it.)")
                .orElse(""), false);
    }

    /** Forgets the saved hub; completes on the dispatcher. */
    public CompletableFuture<Void> clear() {
        return run(settings.clear(), "Cleared. Restart Switchboard to go back to a single desk.", true);
    }

    private CompletableFuture<Void> run(CompletableFuture<Void> action, String success, boolean clearing) {
        saving.set(true);
        failed.set(false);
        result.set(clearing ? "Clearing…" : "Saving…");
        CompletableFuture<Void> done = new CompletableFuture<>();
        action.whenComplete((ok, error) -> dispatcher.run(() -> {
            saving.set(false);
            if (error == null) {
                if (clearing) {
                    url.set("");
                    typedPassword = null;
                }
                showSaved(settings.saved());
                result.set(success);
                done.complete(null);
            } else {
                failed.set(true);
                result.set("Not saved: " + CallCommands.plainMessage(error).replaceFirst("^Something went wrong: ", ""));
                done.completeExceptionally(error);
            }
        }));
        return done;
    }

    private void showSaved(Optional<TeamHubSettings.Shown> saved) {
        hasSaved.set(saved.isPresent());
        savedLine.set(saved.map(s -> "Saved: " + s.maskedUrl() + " as desk " + s.desk() + ".")
                .orElse("No team hub saved: the window starts as a single desk."));
    }

    private static String sentence(String message) {
        String text = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    // ---- what the section shows ----

    /** What this window is now. */
    public String now() {
        return settings.now();
    }

    /** When a saved hub takes effect, and what wins over it. */
    public String note() {
        return "Takes effect at the next start: restart Switchboard to attach as a watcher desk (no listener and no "
                + "API key here; the hubs answer the calls), or to go back to a single desk after Clear. "
                + settings.overriddenBy().map(f -> f + " on the command line wins over the saved hub now.")
                .orElse("--attach on the command line wins over it.");
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty deskProperty() {
        return desk;
    }

    public ReadOnlyStringProperty resultProperty() {
        return result;
    }

    public ReadOnlyStringProperty savedLineProperty() {
        return savedLine;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving;
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed;
    }

    public ReadOnlyBooleanProperty hasSavedProperty() {
        return hasSaved;
    }

    /** The first problem, or empty. */
    public StringBinding problemProperty() {
        return problem;
    }
}
