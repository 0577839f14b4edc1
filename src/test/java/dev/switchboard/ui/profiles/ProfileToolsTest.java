package dev.switchboard.ui.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.ToolReply;
import dev.switchboard.call.ToolSet;
import dev.switchboard.history.LineDiff;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.monitor.StoredHistory;
import dev.switchboard.store.HistoryStore;
import dev.switchboard.ui.UiTasks;
import dev.switchboard.ui.tools.SessionConfigViewModel;
import dev.switchboard.ui.tools.ToolsEditorViewModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tools and the advanced session fields are versioned with a profile and shown (masked) in its diff. */
class ProfileToolsTest {

    @TempDir
    Path dir;
    private HistoryStore store;

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void savedWithTheProfileReloadedIntoTheDraftAndDiffedWithSecretsMasked() {
        store = HistoryStore.open(dir.resolve("switchboard.db"));
        store.profiles().create("Support EN", AcceptSettings.defaults());
        ProfilesViewModel model = new ProfilesViewModel(new StoredHistory(store, List::of), UiTasks.direct(), () -> { });
        model.reload().join();
        model.select("Support EN");

        ToolsEditorViewModel editor = new ToolsEditorViewModel(model.draft().toolsProperty().get());
        assertEquals("", editor.importJson("{\"tools\":[{\"type\":\"function\",\"name\":\"lookup_order\"},"
                + "{\"type\":\"mcp\",\"server_label\":\"billing\",\"server_url\":\"https://mcp.example.com\","
                + "\"headers\":{\"X-Api-Key\":\"sk-very-secret\"}}],\"replies\":{\"lookup_order\":{\"ok\":true}}}"));
        model.draft().toolsProperty().set(editor.result());
        SessionConfigViewModel advanced = new SessionConfigViewModel(model.draft().sessionProperty(),
                model.draft().inputProblemsProperty());
        advanced.noiseReductionProperty().set("near_field");
        assertFalse(model.saveDisabledProperty().get(), model.draft().problemsProperty().get());
        ProfileVersion v2 = model.save().join();

        assertEquals(2, v2.version());
        AcceptSettings saved = store.profiles().versions("Support EN").stream().filter(v -> v.version() == 2)
                .findFirst().orElseThrow().settings();
        ToolSet stored = saved.tools();
        assertEquals(2, stored.tools().size(), stored.toString());
        assertEquals(ToolReply.canned("{\"ok\":true}", 0), stored.replyFor("lookup_order"));
        assertTrue(stored.tools().get(1).json().contains("sk-very-secret"), "the store keeps the real value");
        assertEquals("near_field", saved.session().noiseReduction());

        List<String> added = model.diffRows().stream().map(LineDiff.Row::right)
                .filter(l -> l != null && l.kind() == LineDiff.Kind.ADDED).map(LineDiff.Line::text).toList();
        assertTrue(added.stream().anyMatch(t -> t.contains("lookup_order")), added.toString());
        assertTrue(added.stream().anyMatch(t -> t.contains("noise")), added.toString());
        assertFalse(added.stream().anyMatch(t -> t.contains("sk-very-secret")), "the diff masks header values");

        ProfilesViewModel reopened = new ProfilesViewModel(new StoredHistory(store, List::of), UiTasks.direct(), () -> { });
        reopened.reload().join();
        reopened.select("Support EN");
        assertEquals(stored, reopened.draft().toolsProperty().get(), "loading the profile brings its tools back");
        assertEquals("near_field", new SessionConfigViewModel(reopened.draft().sessionProperty(),
                reopened.draft().inputProblemsProperty()).noiseReductionProperty().get());
        assertFalse(stored.tools().get(1).json().contains("require_approval"), "nothing added to the imported tool");
    }
}
