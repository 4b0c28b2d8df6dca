package org.querent.ui.label;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.querent.query.rules.BatchRules;

/** Edits the batch rules: each field bounded by its spinner, so every value it returns is valid. */
final class BatchRulesDialog extends Dialog<BatchRules> {

    BatchRulesDialog(BatchRules current, Window owner) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Batch rules");
        setHeaderText("How each batch is composed from the strategy's ranking");
        Spinner<Double> nearDuplicate = new Spinner<>(0.0, 1.0, current.nearDuplicate(), 0.01);
        nearDuplicate.setId("rule-near-duplicate");
        Spinner<Integer> perSource = new Spinner<>(0, 1000, current.maxPerSource(), 1);
        perSource.setId("rule-max-per-source");
        Spinner<Double> drift = new Spinner<>(0.0, 0.5, current.driftShare(), 0.05);
        drift.setId("rule-drift-share");
        Spinner<Double> audit = new Spinner<>(0.0, 0.5, current.auditShare(), 0.05);
        audit.setId("rule-audit-share");
        for (Spinner<?> s : new Spinner<?>[] {nearDuplicate, perSource, drift, audit}) {
            s.setEditable(true);
            s.setPrefWidth(110);
        }
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label("Skip near-duplicates above cosine (0: off)"), nearDuplicate);
        grid.addRow(1, new Label("At most this many items per folder (0: no cap)"), perSource);
        grid.addRow(2, new Label("Share reserved for the newest items"), drift);
        grid.addRow(3, new Label("Share drawn at random for an unbiased audit"), audit);
        Label hint = new Label("Audit picks give an unbiased estimate of the model's accuracy (Progress, and 'querent status').");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        grid.add(hint, 0, 4, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(button -> button == ButtonType.OK
                ? new BatchRules(nearDuplicate.getValue(), perSource.getValue(), drift.getValue(), audit.getValue())
                : null);
    }
}
