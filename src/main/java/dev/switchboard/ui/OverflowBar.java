package dev.switchboard.ui;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * A toolbar that never cuts text: when its items do not fit at their preferred widths, the ones marked as
 * overflowing leave the bar (the first marked first) and their menu items show under a "⋯" button at its end.
 * Whether an item fits is decided from preferred widths only, so hiding items cannot make the bar flicker.
 */
public final class OverflowBar extends HBox {

    private record Overflowing(Node node, MenuItem asMenuItem, int order, ObservableBooleanValue present) {
    }

    private final List<Overflowing> overflowing = new ArrayList<>();
    private final MenuButton more = new MenuButton(null, Widgets.icon("fth-more-horizontal"));

    public OverflowBar(Node... fixed) {
        getChildren().addAll(fixed);
        more.setId("toolbarOverflow");
        more.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "no-arrow");
        more.setTooltip(new Tooltip("More"));
        more.setManaged(false);
        more.setVisible(false);
        getChildren().add(more);
    }

    /** Adds a node that stays on the bar whatever the width. */
    public OverflowBar fixed(Node node) {
        getChildren().add(getChildren().indexOf(more), node);
        return this;
    }

    /**
     * Adds a node that may leave the bar when space is short; {@code order} 0 leaves first. The bar owns the node's
     * visible and managed properties (leave them unbound).
     *
     * @param asMenuItem what stands for it under "⋯" meanwhile, or null when it is decoration
     * @param present    false while the node has no place at all (e.g. the demo button outside demo mode)
     */
    public OverflowBar overflowing(Node node, MenuItem asMenuItem, int order, ObservableBooleanValue present) {
        getChildren().add(getChildren().indexOf(more), node);
        overflowing.add(new Overflowing(node, asMenuItem, order, present));
        present.addListener(o -> requestLayout());
        return this;
    }

    public OverflowBar overflowing(Node node, MenuItem asMenuItem, int order) {
        return overflowing(node, asMenuItem, order, new SimpleBooleanProperty(true));
    }

    /** True while some item is in the "⋯" menu instead of on the bar. */
    public boolean isOverflowing() {
        return more.isVisible();
    }

    @Override
    protected double computeMinWidth(double height) {
        // the bar folds down to whatever stays; the window may be narrower than every item side by side
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + more.prefWidth(-1);
    }

    @Override
    protected void layoutChildren() {
        fit();
        super.layoutChildren();
    }

    private void fit() {
        Insets in = getInsets();
        double available = getWidth() - in.getLeft() - in.getRight();
        double needed = -getSpacing();
        for (Node child : getChildren()) {
            Overflowing o = entry(child);
            if (o != null ? o.present().get() : child != more && child.isManaged()) {
                needed += child.prefWidth(-1) + getSpacing();
            }
        }
        List<Overflowing> leaving = new ArrayList<>();
        for (Overflowing o : overflowing.stream().sorted(Comparator.comparingInt(Overflowing::order)).toList()) {
            if (needed <= available) {
                break;
            }
            if (o.present().get()) {
                leaving.add(o);
                needed -= o.node().prefWidth(-1) + getSpacing();
                if (leaving.size() == 1) {
                    needed += more.prefWidth(-1) + getSpacing();
                }
            }
        }
        List<MenuItem> items = new ArrayList<>();
        for (Overflowing o : overflowing) {
            boolean shown = o.present().get() && !leaving.contains(o);
            show(o.node(), shown);
            if (leaving.contains(o) && o.asMenuItem() != null) {
                items.add(o.asMenuItem());
            }
        }
        if (!more.getItems().equals(items)) {
            more.getItems().setAll(items);
        }
        show(more, !items.isEmpty());
    }

    private Overflowing entry(Node child) {
        for (Overflowing o : overflowing) {
            if (o.node() == child) {
                return o;
            }
        }
        return null;
    }

    private static void show(Node node, boolean shown) {
        if (node.isVisible() != shown) {
            node.setVisible(shown);
        }
        if (node.isManaged() != shown) {
            node.setManaged(shown);
        }
    }
}
