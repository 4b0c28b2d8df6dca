package org.querent.ui.interchange;

import java.util.Objects;

import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.querent.session.InterchangeDesk;
import org.querent.session.InterchangeDesk.GateState;
import org.querent.session.OpenProject;
import org.querent.session.TeamDesk;
import org.querent.store.EvaluationRepository.Promotion;
import org.querent.ui.task.TaskRunner;
import org.querent.ui.task.TaskRunner.Lane;

/**
 * The version in use, changed by hand: a lead promotes any version or rolls back to the one in use before, with a
 * reason; both are recorded with the two versions' figures on the evaluation set (as {@code querent promote} and
 * {@code rollback}). Anyone else sees who may and why not.
 */
final class VersionWindow {
    private final JobWindow window;
    private final TaskRunner tasks;
    private final OpenProject project;
    private final String who;
    private final Label state = new Label("Reading the model versions…");
    private final ChoiceBox<Integer> version = new ChoiceBox<>();
    private final TextField reason = new TextField();
    private final Button rollback = new Button("Roll back");
    private final Label refusal = new Label();
    private Runnable onChanged = () -> { };
    private boolean allowed;
    private GateState gate;

    VersionWindow(javafx.stage.Window owner, TaskRunner tasks, OpenProject project, String who) {
        this.tasks = tasks;
        this.project = project;
        this.who = who;
        window = new JobWindow(owner, "Model version in use", "versions", "Promote");
        rollback.setId("versions-rollback");
        window.addButton(rollback);
        state.setId("versions-state");
        state.setWrapText(true);
        version.setId("versions-choice");
        version.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : "v" + v;
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.replace("v", ""));
            }
        });
        reason.setId("versions-reason");
        reason.setPromptText("why (recorded with the figures)");
        refusal.setId("versions-refusal");
        refusal.getStyleClass().add("error-text");
        refusal.setWrapText(true);
        refusal.visibleProperty().bind(refusal.textProperty().isNotEmpty());
        refusal.managedProperty().bind(refusal.visibleProperty());
        window.form().getChildren().addAll(state, new HBox(8, new Label("Promote"), version), new Label("Reason"), reason,
                refusal, JobWindow.hint("The gate promotes a new version unless it is worse than the version in use "
                        + "beyond the noise on the evaluation set; a lead may overrule it. Every change is recorded with "
                        + "both versions' figures (Progress shows them)."));
        window.runButton().setOnAction(e -> change(true));
        rollback.setOnAction(e -> change(false));
        enable();
        load();
    }

    JobWindow window() {
        return window;
    }

    void setOnChanged(Runnable onChanged) {
        this.onChanged = onChanged;
    }

    private record Loaded(GateState gate, TeamDesk.Allowed allowed) {
    }

    private void load() {
        InterchangeDesk desk = project.interchange();
        tasks.run(Lane.READS, () -> new Loaded(desk.gate(), desk.mayPromote(who)), loaded -> {
            gate = loaded.gate();
            allowed = loaded.allowed().allowed();
            refusal.setText(allowed ? "" : loaded.allowed().whyNot());
            state.setText(describe(gate));
            Integer keep = version.getValue();
            version.getItems().setAll(gate.versions().stream().filter(v -> !Objects.equals(v, gate.inUse())).toList());
            if (keep != null && version.getItems().contains(keep)) {
                version.setValue(keep);
            } else if (!version.getItems().isEmpty()) {
                // the held candidate, when there is one: the version a lead most often wants to look at
                version.setValue(gate.candidateHeld() ? gate.newest() : version.getItems().get(version.getItems().size() - 1));
            }
            enable();
        }, error -> window.failed("The model versions could not be read", error));
    }

    static String describe(GateState g) {
        if (g.inUse() == null) {
            return "No model version yet: label items of at least two classes and retrain (R).";
        }
        String held = g.candidateHeld() ? " v" + g.newest() + " is a candidate the gate held back" + g.history().stream()
                .filter(e -> e.held() && e.record().version() == g.newest()).findFirst()
                .map(e -> ": " + e.record().reason()).orElse(".") : "";
        return "v" + g.inUse() + " is in use (" + g.versions().size() + " version" + (g.versions().size() == 1 ? "" : "s")
                + ")." + held;
    }

    private void enable() {
        boolean ready = gate != null && allowed;
        window.runButton().setDisable(!ready || version.getItems().isEmpty());
        rollback.setDisable(!ready || gate.inUse() == null);
        version.setDisable(!ready);
        reason.setDisable(!ready);
    }

    private void change(boolean promote) {
        Integer target = version.getValue();
        if (promote && target == null) {
            return;
        }
        String why = reason.getText();
        window.running(promote ? "Promoting v" + target + " and re-ranking the queue with it…"
                : "Rolling back and re-ranking the queue…");
        rollback.setDisable(true);
        InterchangeDesk desk = project.interchange();
        // on the training lane: it re-ranks the queue as a retrain does, and never races one for the version in use
        tasks.run(Lane.TRAINING, () -> promote ? desk.promote(target, who, why) : desk.rollback(who, why), done -> {
            window.done(outcome(done));
            reason.clear();
            onChanged.run();
            load();
        }, error -> {
            window.failed(promote ? "v" + target + " was not promoted" : "Nothing was rolled back", error);
            enable();
        });
    }

    static String outcome(Promotion p) {
        return "v" + p.version() + " is in use" + ("rollback".equals(p.action()) ? " again" : "")
                + (p.previous() == null ? "" : " (was v" + p.previous() + ")") + "; recorded by " + p.decidedBy()
                + ": " + p.reason() + ".";
    }
}
