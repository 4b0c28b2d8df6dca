package org.querent.ui.progress;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.querent.session.InterchangeDesk;
import org.querent.session.InterchangeDesk.Comparison;
import org.querent.session.InterchangeDesk.GateEvent;
import org.querent.session.InterchangeDesk.GateState;
import org.querent.session.InterchangeDesk.Metrics;
import org.querent.session.OpenProject;
import org.querent.session.TeamDesk;
import org.querent.ui.task.TaskRunner;
import org.querent.ui.task.TaskRunner.Lane;

/**
 * The version in use and the evaluation gate: which version pre-labels and ranks, whether a newer one is a held
 * candidate and why, the last comparison's figures on the evaluation set (accuracy, macro-F1, log-loss, recall per
 * label, candidate beside the version it was compared with, with the bootstrap interval of the accuracy difference and
 * McNemar's p), and the record of every promotion, hold and rollback.
 */
final class GateCard {
    private static final int HISTORY_LINES = 6;

    private final TaskRunner tasks;
    private final Supplier<String> who;
    private final Label headline = new Label("No model version yet");
    private final Label why = new Label();
    private final Label evalSet = new Label();
    private final Label comparedTitle = new Label();
    private final GridPane figures = new GridPane();
    private final Label interval = new Label();
    private final VBox history = new VBox(3);
    private final Label permission = new Label();
    private final VBox box;

    GateCard(TaskRunner tasks, Supplier<String> who) {
        this.tasks = tasks;
        this.who = who;
        headline.getStyleClass().add("big-figure");
        headline.setId("gate-headline");
        why.setId("gate-why");
        why.setWrapText(true);
        why.getStyleClass().add("gate-why");
        evalSet.setId("gate-eval-set");
        evalSet.getStyleClass().add("muted");
        evalSet.setWrapText(true);
        comparedTitle.setId("gate-compared");
        comparedTitle.getStyleClass().add("subtitle");
        figures.setId("gate-figures");
        figures.setHgap(18);
        figures.setVgap(3);
        interval.setId("gate-interval");
        interval.setWrapText(true);
        history.setId("gate-history");
        permission.setId("gate-permission");
        permission.getStyleClass().add("hint");
        permission.setWrapText(true);
        for (Label l : new Label[] {why, comparedTitle, interval}) {
            l.managedProperty().bind(l.visibleProperty());
        }
        box = new VBox(8, headline, why, evalSet, comparedTitle, figures, interval, history, permission);
        box.setId("gate");
    }

    Node node() {
        return box;
    }

    private record Loaded(GateState gate, TeamDesk.Allowed allowed) {
    }

    void refresh(OpenProject open) {
        if (open == null) {
            return;
        }
        String person = who.get();
        InterchangeDesk desk = open.interchange();
        tasks.run(Lane.READS, () -> new Loaded(desk.gate(), desk.mayPromote(person)), this::show,
                error -> why.setText("Could not read the model versions: " + error.getMessage()));
    }

    void show(Loaded loaded) {
        GateState g = loaded.gate();
        figures.getChildren().clear();
        history.getChildren().clear();
        if (g.inUse() == null) {
            headline.setText("No model version yet");
            why.setVisible(false);
        } else if (g.candidateHeld()) {
            headline.setText("v" + g.inUse() + " in use · v" + g.newest() + " is a candidate");
            String reason = g.history().stream().filter(e -> e.held() && e.record().version() == g.newest()).findFirst()
                    .map(e -> e.record().reason()).orElse("v" + g.newest() + " is newer than the version in use, which a "
                            + "lead chose by hand");
            why.setText("Why it was not promoted: " + reason);
            why.setVisible(true);
        } else {
            headline.setText("v" + g.inUse() + " in use" + (g.newest() != null && g.newest().equals(g.inUse())
                    ? " (the newest)" : ""));
            why.setVisible(false);
        }
        evalSet.setText(g.evalSize() == 0
                ? "No evaluation set: every new version is used as it is trained. Draw one with 'querent eval-set PROJECT "
                        + "--size 100' and label its items; from " + org.querent.session.EvaluationService.MIN_EVAL_LABELS
                        + " labelled ones the gate compares each new version with the version in use."
                : String.format(Locale.ROOT, "Evaluation set: %d items, %d labelled (never trained on; the gate compares "
                        + "versions from %d labelled ones).", g.evalSize(), g.evalLabelled(),
                        org.querent.session.EvaluationService.MIN_EVAL_LABELS));
        java.util.Optional<GateEvent> last = g.lastComparison();
        comparedTitle.setVisible(last.isPresent());
        interval.setVisible(last.isPresent());
        last.ifPresent(e -> showComparison(e, e.comparison()));
        int n = 0;
        for (GateEvent e : g.history()) {
            if (n++ == HISTORY_LINES) {
                break;
            }
            Label line = new Label(historyLine(e));
            line.setWrapText(true);
            line.getStyleClass().add(e.held() ? "gate-held" : "muted");
            history.getChildren().add(line);
        }
        TeamDesk.Allowed a = loaded.allowed();
        permission.setText(a.allowed() ? "Model > Promote or roll back… changes the version in use (recorded with "
                + "its figures)." : a.whyNot());
    }

    private void showComparison(GateEvent e, Comparison c) {
        comparedTitle.setText(String.format(Locale.ROOT, "v%d against v%d on %d evaluation items (%s)",
                c.candidate().version(), c.incumbent().version(), c.items(), verdict(e)));
        header("", "v" + c.candidate().version() + " (candidate)", "v" + c.incumbent().version() + " (in use then)");
        int row = 1;
        row = metricRow(row, "Accuracy", c.candidate().accuracy(), c.incumbent().accuracy());
        row = metricRow(row, "Macro-F1", c.candidate().macroF1(), c.incumbent().macroF1());
        row = metricRow(row, "Log-loss", c.candidate().logLoss(), c.incumbent().logLoss());
        for (Map.Entry<String, Double> r : c.candidate().recall().entrySet()) {
            Double other = c.incumbent().recall().get(r.getKey());
            row = metricRow(row, "Recall " + r.getKey(), r.getValue() == null ? Double.NaN : r.getValue(),
                    other == null ? Double.NaN : other);
        }
        interval.setText(String.format(Locale.ROOT, "Accuracy difference %+.3f, 95 %% bootstrap interval [%+.3f, %+.3f]"
                        + " · McNemar p %s. The gate holds a candidate only when the whole interval is below zero.",
                c.difference(), c.low(), c.high(), c.mcNemarP() < 0.001 ? "< 0.001"
                        : String.format(Locale.ROOT, "%.3f", c.mcNemarP())));
    }

    private static String verdict(GateEvent e) {
        return switch (e.record().action()) {
            case "hold" -> "held by " + e.record().decidedBy();
            case "rollback" -> "rolled back by " + e.record().decidedBy();
            default -> "promoted by " + e.record().decidedBy();
        };
    }

    static String historyLine(GateEvent e) {
        String at = e.record().decidedAt() == null ? "" : e.record().decidedAt().replace('T', ' ').replaceAll("\\.\\d+Z$|Z$", "");
        String what = switch (e.record().action()) {
            case "hold" -> "v" + e.record().version() + " held";
            case "rollback" -> "back to v" + e.record().version();
            default -> "v" + e.record().version() + " promoted";
        };
        String reason = e.record().reason() == null ? "" : e.record().reason();
        if (reason.length() > 140) {
            reason = reason.substring(0, 137) + "…";
        }
        return at + " · " + what + " by " + e.record().decidedBy() + (reason.isEmpty() ? "" : ": " + reason);
    }

    private void header(String... titles) {
        for (int i = 0; i < titles.length; i++) {
            Label l = new Label(titles[i]);
            l.getStyleClass().add("muted");
            figures.add(l, i, 0);
        }
    }

    private int metricRow(int row, String name, double candidate, double incumbent) {
        Label n = new Label(name);
        Label a = new Label(fig(candidate));
        Label b = new Label(fig(incumbent));
        a.setId("gate-candidate-" + row);
        b.setId("gate-incumbent-" + row);
        a.setAlignment(Pos.CENTER_RIGHT);
        b.setAlignment(Pos.CENTER_RIGHT);
        figures.addRow(row, n, a, b);
        return row + 1;
    }

    private static String fig(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.3f", v);
    }
}
