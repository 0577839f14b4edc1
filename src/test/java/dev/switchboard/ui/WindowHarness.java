package dev.switchboard.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window tests' shared harness: TestFX's application extension (a stage per test, headless on Monocle) plus
 * waiting for a condition on the FX thread and reading every text a person could see.
 * Use as {@code @ExtendWith(WindowHarness.class)}.
 */
public final class WindowHarness extends ApplicationExtension {

    /** Waits up to 20 s for a condition evaluated on the FX thread, so it reads a consistent scene graph. */
    public static void waitUntil(Callable<Boolean> onFxThread) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(onFxThread).get());
        } catch (TimeoutException e) {
            throw new TimeoutException("timed out; the windows show: " + describe());
        }
    }

    /** Every text in every open window: labels, text nodes, inputs and prompts, tooltips, accessible texts, tabs. */
    public static List<String> texts() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> all = new ArrayList<>();
            for (Window window : Window.getWindows()) {
                if (window.getScene() != null) {
                    collectTexts(window.getScene().getRoot(), all);
                }
            }
            return all;
        }).get();
    }

    /** Like {@link #texts()} below one node; call on the FX thread. */
    public static void collectTexts(Node node, List<String> out) {
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            out.add(labeled.getText());
        }
        if (node instanceof Text text && text.getText() != null) {
            out.add(text.getText());
        }
        if (node instanceof TextInputControl input) {
            out.add(input.getText() == null ? "" : input.getText());
            out.add(input.getPromptText() == null ? "" : input.getPromptText());
        }
        if (node instanceof Control control && control.getTooltip() != null && control.getTooltip().getText() != null) {
            out.add(control.getTooltip().getText());
        }
        if (node.getAccessibleText() != null) {
            out.add(node.getAccessibleText());
        }
        if (node instanceof TabPane tabs) {
            tabs.getTabs().forEach(t -> out.add(t.getText()));
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectTexts(child, out);
            }
        }
    }

    private static String describe() {
        try {
            return String.join(" | ", texts().stream().filter(t -> !t.isBlank()).toList());
        } catch (Exception e) {
            return "(could not read the scene: " + e + ")";
        }
    }
}
