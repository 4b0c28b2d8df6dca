package org.querent.ui.browse;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.querent.session.BrowseQueries.BrowseItem;
import org.querent.session.QueueService.PreLabel;

/** The browser's table: one row per item, sortable columns, Enter or a double-click opens the row. */
final class BrowseTable {
    private final TableView<BrowseItem> table = new TableView<>();

    BrowseTable(ObservableList<BrowseItem> items, Consumer<BrowseItem> open) {
        table.setId("browse-table");
        table.getStyleClass().add("browse-table");
        // The table sorts a view of the items; the view-model's list keeps query order.
        SortedList<BrowseItem> sorted = new SortedList<>(items);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("No items match the filter and search."));
        TableColumn<BrowseItem, Long> id = column("ID", 70, BrowseItem::id, Comparator.naturalOrder());
        TableColumn<BrowseItem, String> path = textColumn("Path", 260, BrowseTable::pathOf);
        TableColumn<BrowseItem, String> kind = textColumn("Kind", 60, BrowseTable::kindOf);
        TableColumn<BrowseItem, ItemStatus> state = stateColumn();
        TableColumn<BrowseItem, String> label = textColumn("Label", 110, BrowseTable::labelsOf);
        TableColumn<BrowseItem, String> predicted = textColumn("Predicted", 110, BrowseTable::predictedOf);
        TableColumn<BrowseItem, Double> confidence = confidenceColumn();
        TableColumn<BrowseItem, String> annotator = textColumn("Annotator", 100, i -> nonNull(i.row().annotator()));
        // ISO-like local times sort correctly as text.
        TableColumn<BrowseItem, String> decided = textColumn("Last decided", 130,
                i -> DisplayTimes.local(i.row().decidedAt()));
        TableColumn<BrowseItem, String> reason = textColumn("Reason", 200, BrowseTable::reasonOf);
        table.getColumns().setAll(List.of(id, path, kind, state, label, predicted, confidence, annotator, decided, reason));
        new ColumnFit<>(table, path)
                .measure(id, i -> String.valueOf(i.id()), 0)
                .measure(kind, BrowseTable::kindOf, 0)
                .measure(state, i -> ItemStatus.of(i.row()).displayName(), 1.6) // the chip's rounded padding
                .measure(label, BrowseTable::labelsOf, 0)
                .measure(predicted, BrowseTable::predictedOf, 0)
                .measure(confidence, i -> formatConfidence(confidenceOf(i.predicted())), 0)
                .measure(annotator, i -> nonNull(i.row().annotator()), 0)
                .measure(decided, i -> DisplayTimes.local(i.row().decidedAt()), 0)
                .measure(reason, BrowseTable::reasonOf, 0);
        table.setRowFactory(t -> {
            TableRow<BrowseItem> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.accept(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
    }

    TableView<BrowseItem> node() {
        return table;
    }

    static String pathOf(BrowseItem item) {
        return item.row().row() >= 0 ? item.row().path() + " #" + item.row().row() : item.row().path();
    }

    /** A flag's reason, or why the item is quarantined. */
    static String reasonOf(BrowseItem item) {
        if (item.row().flagReason() != null) {
            return item.row().flagReason();
        }
        return nonNull(item.row().quarantineReason());
    }

    private static TableColumn<BrowseItem, String> textColumn(String title, double width, Function<BrowseItem, String> value) {
        return column(title, width, value, String.CASE_INSENSITIVE_ORDER);
    }

    private static <T> TableColumn<BrowseItem, T> column(String title, double width, Function<BrowseItem, T> value,
                                                         Comparator<T> order) {
        TableColumn<BrowseItem, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setComparator(order);
        return column;
    }

    private static TableColumn<BrowseItem, ItemStatus> stateColumn() {
        TableColumn<BrowseItem, ItemStatus> column = BrowseTable.<ItemStatus>column("State", 100, i -> ItemStatus.of(i.row()),
                Comparator.naturalOrder());
        column.setCellFactory(c -> new TableCell<>() {
            private final Label chip = new Label();

            @Override
            protected void updateItem(ItemStatus status, boolean empty) {
                super.updateItem(status, empty);
                if (empty || status == null) {
                    setGraphic(null);
                    return;
                }
                chip.setText(status.displayName());
                chip.getStyleClass().setAll("label", "state-chip", status.styleClass());
                setGraphic(chip);
            }
        });
        return column;
    }

    private static TableColumn<BrowseItem, Double> confidenceColumn() {
        TableColumn<BrowseItem, Double> column = BrowseTable.<Double>column("Conf.", 60, i -> confidenceOf(i.predicted()),
                Comparator.nullsFirst(Comparator.<Double>naturalOrder()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double confidence, boolean empty) {
                super.updateItem(confidence, empty);
                setText(empty ? null : formatConfidence(confidence));
            }
        });
        column.getStyleClass().add("numeric");
        return column;
    }

    private static String formatConfidence(Double confidence) {
        return confidence == null ? null : String.format(Locale.ROOT, "%.0f %%", 100 * confidence);
    }

    private static String kindOf(BrowseItem item) {
        return item.row().kind().name().toLowerCase(Locale.ROOT);
    }

    private static String labelsOf(BrowseItem item) {
        return String.join(", ", item.row().labels());
    }

    private static String predictedOf(BrowseItem item) {
        return item.predicted() == null ? "" : item.predicted().labels();
    }

    private static Double confidenceOf(PreLabel pre) {
        return pre == null ? null : pre.confidence();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
