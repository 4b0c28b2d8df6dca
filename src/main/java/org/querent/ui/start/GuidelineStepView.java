package org.querent.ui.start;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Page 4: the optional guideline, a summary of what Finish will create, and the creation's progress or error. */
final class GuidelineStepView {
    private final TextArea text = new TextArea();
    private final VBox root;

    GuidelineStepView(NewProjectViewModel vm) {
        text.setId("guideline");
        text.setWrapText(true);
        text.setPrefRowCount(9);
        text.setPromptText("# How to label\n\n- **spam**: unsolicited offers, even when polite.\n- When unsure, flag (F) and add a note (N).");
        text.textProperty().bindBidirectional(vm.guidelineProperty());
        VBox.setVgrow(text, Priority.ALWAYS);

        Label summary = new Label();
        summary.setId("summary");
        summary.setWrapText(true);
        summary.textProperty().bind(Bindings.createStringBinding(() -> summary(vm), vm.stepProperty()));
        VBox card = new VBox(6, Forms.subtitle("On Finish, Querent will"), summary);
        card.getStyleClass().add("card");

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label status = new Label();
        status.setId("creation-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.creationStatusProperty());
        HBox progress = new HBox(8, spinner, status);
        Forms.showWhen(spinner, vm.creatingProperty());

        root = new VBox(12, Forms.field("Guideline (Markdown, optional)", text, new Label()), card, progress,
                Forms.error("finish-error", vm.finishErrorProperty()));
        root.getStyleClass().add("wizard-page");
    }

    Node node() {
        return root;
    }

    Node focusTarget() {
        return text;
    }

    /** Recomputed when the page is shown: by then every earlier page is complete. */
    private static String summary(NewProjectViewModel vm) {
        if (vm.stepProperty().get() != WizardStep.GUIDELINE || vm.dataset().summary() == null) {
            return "";
        }
        TaxonomyStepModel t = vm.taxonomy();
        String labels = String.join(", ", t.rows().stream().map(LabelRow::name).toList());
        return "• create " + vm.dataset().projectPath() + "\n"
                + "• import " + vm.dataset().summary().describe() + "\n"
                + "• use the " + vm.model().describe() + "\n"
                + "• offer " + (t.multiLabelProperty().get() ? "any of " : "one of ") + labels
                + (t.labelsFromFoldersProperty().get() ? ", with labels taken from the sub-folders" : "") + "\n"
                + "• then open the project.";
    }
}
