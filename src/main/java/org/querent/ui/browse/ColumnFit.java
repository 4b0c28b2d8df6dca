package org.querent.ui.browse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Sizes a table's columns to what they show, in the table's own font (so 150 % text gets wider columns): each
 * column as wide as its header and its widest value among the first rows, one column taking the rest of the
 * width. A constrained policy squeezed every column to fit and truncated the useful ones ("Unlab…") while an
 * empty Reason column stayed wide.
 */
final class ColumnFit<S> {
    /** Rows measured: enough to see the long values, few enough to stay instant on a large page. */
    private static final int SAMPLE = 300;

    private final TableView<S> table;
    private final TableColumn<S, ?> flexible;
    private final Map<TableColumn<S, ?>, Function<S, String>> texts = new LinkedHashMap<>();
    private final Map<TableColumn<S, ?>, Double> extraEm = new LinkedHashMap<>();
    private boolean pending;

    ColumnFit(TableView<S> table, TableColumn<S, ?> flexible) {
        this.table = table;
        this.flexible = flexible;
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getItems().addListener((ListChangeListener<S>) c -> later());
        table.widthProperty().addListener((obs, a, b) -> fillWidth());
        table.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getRoot().styleProperty().addListener((o, a, b) -> later()); // the text size changed
                later();
            }
        });
    }

    /** Measures {@code column} by {@code text} of each row; {@code extraEm} for decoration (a chip's padding). */
    ColumnFit<S> measure(TableColumn<S, ?> column, Function<S, String> text, double extra) {
        texts.put(column, text);
        extraEm.put(column, extra);
        return this;
    }

    /** Fits on the next pulse, once the CSS (and so the font) is applied; many changes make one fit. */
    void later() {
        if (!pending) {
            pending = true;
            Platform.runLater(() -> {
                pending = false;
                fit();
            });
        }
    }

    void fit() {
        table.applyCss();
        Font font = font();
        double em = font.getSize();
        List<S> rows = table.getItems().subList(0, Math.min(SAMPLE, table.getItems().size()));
        for (TableColumn<S, ?> column : table.getColumns()) {
            if (column == flexible) {
                continue;
            }
            // The header needs room for its sort arrow too.
            double width = textWidth(column.getText(), font) + 2.2 * em;
            Function<S, String> text = texts.get(column);
            if (text != null) {
                double extra = extraEm.getOrDefault(column, 0.0) * em;
                for (S row : rows) {
                    width = Math.max(width, textWidth(text.apply(row), font) + 1.4 * em + extra);
                }
            }
            double w = Math.ceil(width);
            column.setMinWidth(w);
            column.setPrefWidth(w);
        }
        flexible.setMinWidth(Math.ceil(14 * em));
        fillWidth();
    }

    /** The flexible column takes what the others leave (a scroll bar appears when the window is narrower). */
    private void fillWidth() {
        double others = table.getColumns().stream().filter(c -> c != flexible).mapToDouble(TableColumn::getWidth).sum();
        double scrollBar = 1.4 * font().getSize();
        flexible.setPrefWidth(Math.max(flexible.getMinWidth(), table.getWidth() - others - scrollBar - 2));
    }

    private Font font() {
        Node header = table.lookup(".column-header .label");
        return header instanceof Labeled labeled ? labeled.getFont() : Font.getDefault();
    }

    private static double textWidth(String s, Font font) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        Text text = new Text(s);
        text.setFont(font);
        return text.getLayoutBounds().getWidth();
    }
}
