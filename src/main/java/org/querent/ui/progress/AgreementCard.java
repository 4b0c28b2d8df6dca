package org.querent.ui.progress;

import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.querent.session.OpenProject;
import org.querent.team.AgreementService.LabelAgreement;
import org.querent.team.AgreementService.Report;
import org.querent.team.AgreementStatistics.PairKappa;
import org.querent.ui.task.TaskRunner;
import org.querent.ui.task.TaskRunner.Lane;

/**
 * Agreement between annotators on the items two or more of them labelled: percent agreement, Fleiss' kappa and
 * Krippendorff's alpha overall, Cohen's kappa per pair and the figures per label ("this label or not").
 */
final class AgreementCard {
    private final TaskRunner tasks;
    private final Label headline = new Label("No item labelled by two people yet");
    private final Label overall = new Label();
    private final GridPane pairs = new GridPane();
    private final GridPane perLabel = new GridPane();
    private final Label note = new Label();
    private final VBox box;

    AgreementCard(TaskRunner tasks) {
        this.tasks = tasks;
        headline.getStyleClass().add("big-figure");
        headline.setId("agreement-headline");
        overall.setId("agreement-overall");
        overall.setWrapText(true);
        pairs.setId("agreement-pairs");
        perLabel.setId("agreement-labels");
        for (GridPane g : new GridPane[] {pairs, perLabel}) {
            g.setHgap(16);
            g.setVgap(3);
        }
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.setText("κ and α: 1 is perfect agreement, 0 is what chance gives. Items come from overlapping work "
                + "packages (querent pack --overlap); the lead adjudicates disagreements.");
        box = new VBox(8, headline, overall, pairs, perLabel, note);
        box.setId("agreement");
    }

    Node node() {
        return box;
    }

    void refresh(OpenProject open) {
        if (open == null) {
            return;
        }
        tasks.run(Lane.READS, () -> open.team().agreement(), this::show,
                error -> overall.setText("Could not compute agreement: " + error.getMessage()));
    }

    void show(Report r) {
        pairs.getChildren().clear();
        perLabel.getChildren().clear();
        if (r.itemsWithTwoOrMore() == 0) {
            headline.setText("No item labelled by two people yet");
            overall.setText("Agreement is measured on items that two or more annotators labelled.");
            return;
        }
        headline.setText(String.format(Locale.ROOT, "%s agreement on %d shared items", percent(r.percent()),
                r.itemsWithTwoOrMore()));
        overall.setText(String.format(Locale.ROOT, "Fleiss' κ %s · Krippendorff's α %s · %d disagreement%s", fig(r.fleiss()),
                fig(r.alpha()), r.disagreements(), r.disagreements() == 1 ? "" : "s"));
        header(pairs, "Pair", "Items", "Agree", "Cohen's κ");
        int row = 1;
        for (PairKappa p : r.pairs()) {
            pairs.addRow(row++, cell(p.first() + " · " + p.second()), cell(String.valueOf(p.items())),
                    cell(percent(p.agreement())), cell(fig(p.kappa())));
        }
        header(perLabel, "Label", "Agree", "Fleiss' κ", "α");
        row = 1;
        for (LabelAgreement l : r.perLabel()) {
            perLabel.addRow(row++, cell(l.label()), cell(percent(l.percent())), cell(fig(l.fleiss())), cell(fig(l.alpha())));
        }
    }

    private static void header(GridPane grid, String... titles) {
        for (int i = 0; i < titles.length; i++) {
            Label l = new Label(titles[i]);
            l.getStyleClass().add("muted");
            grid.add(l, i, 0);
        }
    }

    private static Label cell(String text) {
        Label l = new Label(text);
        l.setAlignment(Pos.CENTER_LEFT);
        return l;
    }

    private static String fig(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.0f %%", 100 * v);
    }
}
