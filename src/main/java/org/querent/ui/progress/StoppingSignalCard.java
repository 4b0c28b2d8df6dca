package org.querent.ui.progress;

import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.querent.session.AuditEstimateService.AuditEstimate;
import org.querent.session.StoppingSignalService.StoppingSignal;
import org.querent.session.StoppingSignalService.VersionPair;
import org.querent.session.OpenProject;
import org.querent.ui.task.TaskRunner;
import org.querent.ui.task.TaskRunner.Lane;

/**
 * "Can I stop?": agreement (Cohen's kappa) between successive model versions on a fixed stop set, and the
 * unbiased audit estimate of accuracy, with the rule and the figures behind the verdict.
 */
final class StoppingSignalCard {
    private final TaskRunner tasks;
    private final Label verdict = new Label("No model versions yet");
    private final Label reason = new Label();
    private final Label pairs = new Label();
    private final Label audit = new Label();
    private final VBox box = new VBox(8, verdict, reason, pairs, audit);

    StoppingSignalCard(TaskRunner tasks) {
        this.tasks = tasks;
        box.setId("stopping-signal");
        verdict.getStyleClass().add("big-figure");
        for (Label l : new Label[] {reason, pairs, audit}) {
            l.setWrapText(true);
            l.getStyleClass().add("muted");
        }
    }

    Node node() {
        return box;
    }

    /** Recomputes in the background from the stored heads and cached embeddings. */
    void refresh(OpenProject open) {
        if (open == null) {
            return;
        }
        tasks.run(Lane.READS, open::stoppingSignal, this::show,
                error -> reason.setText("Could not compute the stopping signal: " + error.getMessage()));
    }

    private void show(StoppingSignal s) {
        verdict.setText(s.stop() ? "You can probably stop" : s.pairs().isEmpty() ? "Not enough model versions yet"
                : "Keep labelling");
        reason.setText(s.reason() + " Rule: " + s.rule());
        StringBuilder text = new StringBuilder("Agreement on " + s.stopSetSize() + " fixed unlabelled items: ");
        if (s.pairs().isEmpty()) {
            text.append("needs two model versions.");
        }
        for (VersionPair p : s.pairs()) {
            text.append(String.format(Locale.ROOT, "v%d→v%d κ=%.3f  ", p.previous(), p.next(), p.kappa()));
        }
        pairs.setText(text.toString().strip());
        AuditEstimate a = s.audit();
        audit.setText(a != null && a.available()
                ? "Audit estimate (unbiased, from random audit picks) of model v" + a.latest().modelVersion() + ": "
                        + a.latest().accuracy().format()
                : "No audit estimate yet: reserve an audit share of each batch to get one.");
    }
}
