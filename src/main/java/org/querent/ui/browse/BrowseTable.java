package org.querent.ui.browse;

import java.util.Comparator;
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
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(BrowseTable.<Long>column("ID", 70, BrowseItem::id, Comparator.naturalOrder()));
        table.getColumns().add(textColumn("Path", 260, BrowseTable::pathOf));
        table.getColumns().add(textColumn("Kind", 60, i -> i.row().kind().name().toLowerCase(Locale.ROOT)));
        table.getColumns().add(stateColumn());
        table.getColumns().add(textColumn("Label", 110, i -> String.join(", ", i.row().labels())));
        table.getColumns().add(textColumn("Predicted", 110, i -> i.predicted() == null ? "" : i.predicted().labels()));
        table.getColumns().add(confidenceColumn());
        table.getColumns().add(textColumn("Annotator", 100, i -> nonNull(i.row().annotator())));
        // ISO-like local times sort correctly as text.
        table.getColumns().add(textColumn("Last decided", 130, i -> DisplayTimes.local(i.row().decidedAt())));
        table.getColumns().add(textColumn("Reason", 200, BrowseTable::reasonOf));
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
                setText(empty || confidence == null ? null : String.format(Locale.ROOT, "%.0f %%", 100 * confidence));
            }
        });
        column.getStyleClass().add("numeric");
        return column;
    }

    private static Double confidenceOf(PreLabel pre) {
        return pre == null ? null : pre.confidence();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
