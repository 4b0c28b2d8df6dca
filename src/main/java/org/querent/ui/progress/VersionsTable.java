package org.querent.ui.progress;

import java.util.Locale;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.querent.session.ProgressFigures.ModelVersion;

/** Every model version of the project: when, on how many labels, how good, its L2 strength, warm-started or not. */
final class VersionsTable {
    private VersionsTable() {
    }

    static TableView<ModelVersion> of(ObservableList<ModelVersion> versions) {
        TableView<ModelVersion> table = new TableView<>(versions);
        table.setId("model-versions");
        table.setPlaceholder(new Label("No model trained yet: the first retrain makes version 1."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(200);
        table.getColumns().add(column("Version", v -> "v" + v.version()));
        table.getColumns().add(column("Trained", v -> ProgressTimes.local(v.createdAt())));
        table.getColumns().add(column("Labels", v -> String.format(Locale.ROOT, "%,d", v.labels())));
        table.getColumns().add(column("Accuracy", v -> percent(v.accuracy())));
        table.getColumns().add(column("Macro-F1", v -> percent(v.macroF1())));
        table.getColumns().add(column("L2 C", v -> v.c() == null ? "—" : v.c() == Math.rint(v.c())
                ? String.valueOf(v.c().longValue()) : String.valueOf(v.c())));
        table.getColumns().add(column("Warm-started", v -> v.warmStarted() ? "yes" : "no"));
        return table;
    }

    private static TableColumn<ModelVersion, String> column(String title, Function<ModelVersion, String> value) {
        TableColumn<ModelVersion, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setSortable(false);
        return column;
    }

    /** "—" when held-out metrics were not measured (too few labels). */
    private static String percent(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f %%", 100 * value);
    }
}
