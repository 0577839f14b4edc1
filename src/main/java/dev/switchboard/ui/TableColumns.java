package dev.switchboard.ui;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Table columns as wide as their widest cell or header, whatever the text size: measured again when the rows change
 * and when the header's font does (presenter mode). A table narrower than its columns scrolls sideways instead of
 * cutting text.
 */
public final class TableColumns {

    /** Cell padding, the sort arrow and a little air. */
    private static final double SLACK = 30;

    private TableColumns() {
    }

    /** Keeps {@code table}'s string columns sized to content, never under {@code minimum} px. */
    public static <T> void fitToContent(TableView<T> table, double minimum) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Runnable fit = () -> fit(table, minimum);
        table.getItems().addListener((ListChangeListener<T>) c -> fit.run());
        table.skinProperty().addListener((obs, old, skin) -> {
            table.applyCss();
            Node header = table.lookup(".column-header .label");
            if (header instanceof Labeled label) {
                label.fontProperty().addListener(o -> fit.run());
            }
            fit.run();
        });
        // presenter mode's text size comes from the root's style class; headers may be rebuilt by a theme change
        javafx.collections.ListChangeListener<String> restyled = c -> {
            table.applyCss();
            fit.run();
        };
        table.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.getRoot().getStyleClass().removeListener(restyled);
            }
            if (scene != null) {
                scene.getRoot().getStyleClass().addListener(restyled);
            }
        });
    }

    private static <T> void fit(TableView<T> table, double minimum) {
        Node header = table.lookup(".column-header .label");
        Font font = header instanceof Labeled label ? label.getFont() : Font.getDefault();
        Text probe = new Text();
        probe.setFont(font);
        for (TableColumn<T, ?> column : table.getColumns()) {
            double widest = width(probe, column.getText());
            for (int row = 0; row < table.getItems().size(); row++) {
                Object value = column.getCellData(row);
                widest = Math.max(widest, width(probe, value == null ? "" : value.toString()));
            }
            double width = Math.max(minimum, Math.ceil(widest + SLACK));
            column.setMinWidth(width);
            column.setPrefWidth(width);
        }
    }

    private static double width(Text probe, String text) {
        probe.setText(text);
        return probe.getLayoutBounds().getWidth();
    }
}
