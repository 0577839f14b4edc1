package dev.switchboard.ui.stage;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;

/**
 * Walks a laid-out scene and lists what a person would see cut: a {@code Labeled} whose skin shows other text than
 * its own (an ellipsis it did not ask for), or a control reaching past the window's edges. Content inside a scrolling
 * or clipping container is checked for truncation but not for bounds (it scrolls into view). FX thread only.
 */
final class LayoutProbe {

    private LayoutProbe() {
    }

    static List<String> problems(Scene scene) {
        List<String> out = new ArrayList<>();
        walk(scene.getRoot(), scene.getWidth(), scene.getHeight(), false, out);
        return out;
    }

    private static void walk(Node node, double width, double height, boolean scrolls, List<String> out) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()
                && labeled.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY) {
            Text shown = shownText(labeled);
            String expected = labeled.isMnemonicParsing() ? labeled.getText().replaceFirst("_", "") : labeled.getText();
            if (shown != null && !shown.getText().equals(expected) && !shown.getText().equals(labeled.getText())) {
                out.add("cut: \"" + labeled.getText() + "\" shows \"" + shown.getText() + "\" (" + describe(labeled) + ")");
            }
        }
        if (!scrolls && node instanceof Control && node.getScene() != null) {
            Bounds b = node.localToScene(node.getLayoutBounds());
            if (b.getWidth() > 0 && b.getHeight() > 0 && (b.getMinX() < -1 || b.getMinY() < -1
                    || b.getMaxX() > width + 1 || b.getMaxY() > height + 1)) {
                out.add("outside the window: " + describe(node) + " at " + round(b) + " in " + width + "×" + height);
            }
        }
        boolean inner = scrolls || node instanceof ScrollPane || node instanceof VirtualFlow<?> || node.getClip() != null;
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, width, height, inner, out);
            }
        }
    }

    /** The text node the Labeled's skin draws (its LabeledText child), or null before it is skinned. */
    private static Text shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text")) {
                return text;
            }
        }
        return null;
    }

    private static String describe(Node node) {
        StringBuilder path = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            path.append('#').append(node.getId());
        }
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                path.append(" in #").append(p.getId());
                break;
            }
        }
        return path.toString();
    }

    private static String round(Bounds b) {
        return String.format("[%.0f,%.0f %.0f×%.0f]", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }
}
