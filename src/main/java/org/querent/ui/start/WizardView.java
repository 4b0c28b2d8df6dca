package org.querent.ui.start;

import java.util.EnumMap;
import java.util.Map;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The wizard's frame: the list of steps on the left, the page's title and one-line explanation on top, the page,
 * and Cancel / Back / Next / Finish below. Enter goes to the next page (or finishes on the last) when the page is
 * complete; Esc presses Cancel.
 */
final class WizardView {
    private final NewProjectViewModel vm;
    private final Runnable close;
    private final BorderPane root = new BorderPane();
    private final ScrollPane pageHolder = new ScrollPane();
    private final Label counter = new Label();
    private final Label title = new Label();
    private final Label explanation = new Label();
    private final Map<WizardStep, Label> stepLabels = new EnumMap<>(WizardStep.class);
    private final DatasetStepView datasetPage;
    private final ModelStepView modelPage;
    private final TaxonomyStepView taxonomyPage;
    private final GuidelineStepView guidelinePage;

    /**
     * @param onFinish called when Finish is pressed
     * @param close    closes the window (Cancel)
     */
    WizardView(NewProjectViewModel vm, Runnable onFinish, Runnable close) {
        this.vm = vm;
        this.close = close;
        datasetPage = new DatasetStepView(vm.dataset(), vm::next);
        modelPage = new ModelStepView(vm.model(), vm::next);
        taxonomyPage = new TaxonomyStepView(vm.taxonomy());
        guidelinePage = new GuidelineStepView(vm);

        root.setId("new-project-wizard");
        root.getStyleClass().add("wizard");
        root.setLeft(sidebar());
        counter.getStyleClass().add("muted");
        title.getStyleClass().add("title");
        title.setId("step-title");
        explanation.getStyleClass().add("muted");
        explanation.setWrapText(true);
        VBox header = new VBox(2, counter, title, explanation);
        header.getStyleClass().add("wizard-header");
        pageHolder.setFitToWidth(true);
        pageHolder.getStyleClass().add("wizard-scroll");
        root.setCenter(new BorderPane(pageHolder, header, null, null, null));
        root.setBottom(footer(onFinish));

        vm.stepProperty().addListener((o, a, b) -> show(b));
        show(vm.stepProperty().get());
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> enter(e, onFinish));
    }

    /**
     * Enter goes on from any control of the page (radio buttons and check boxes would otherwise swallow it);
     * multi-line text, fields with their own Enter action and push buttons keep their usual meaning.
     */
    private void enter(KeyEvent e, Runnable onFinish) {
        if (e.getCode() != KeyCode.ENTER || e.isShiftDown() || e.isControlDown()) {
            return;
        }
        Object target = e.getTarget();
        if (target instanceof TextArea || target instanceof Button
                || target instanceof TextField field && field.getOnAction() != null) {
            return;
        }
        if (vm.canGoNextProperty().get()) {
            vm.next();
            e.consume();
        } else if (vm.canFinishProperty().get()) {
            onFinish.run();
            e.consume();
        }
    }

    Parent node() {
        return root;
    }

    /** Cancel (and Esc): stops a running creation, otherwise closes the window. */
    void cancel() {
        if (vm.creatingProperty().get()) {
            vm.cancelCreation();
        } else {
            close.run();
        }
    }

    private Node sidebar() {
        VBox box = new VBox(6);
        box.getStyleClass().add("wizard-sidebar");
        Label product = new Label("New project");
        product.getStyleClass().add("subtitle");
        box.getChildren().add(product);
        for (WizardStep step : WizardStep.values()) {
            Label label = new Label((step.ordinal() + 1) + "  " + step.shortName());
            label.setId("step-" + step.name().toLowerCase(java.util.Locale.ROOT));
            label.getStyleClass().add("wizard-step");
            label.setOnMouseClicked(e -> vm.goTo(step));
            stepLabels.put(step, label);
            box.getChildren().add(label);
        }
        return box;
    }

    private Node footer(Runnable onFinish) {
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> cancel());
        Button back = new Button("Back");
        back.setId("back");
        back.disableProperty().bind(vm.stepProperty().isEqualTo(WizardStep.DATASET).or(vm.creatingProperty()));
        back.setOnAction(e -> vm.back());
        Button next = new Button("Next");
        next.setId("next");
        next.disableProperty().bind(vm.canGoNextProperty().not());
        next.defaultButtonProperty().bind(vm.stepProperty().isNotEqualTo(WizardStep.GUIDELINE));
        next.setOnAction(e -> vm.next());
        Button finish = new Button("Create project");
        finish.setId("finish");
        finish.disableProperty().bind(vm.canFinishProperty().not());
        finish.defaultButtonProperty().bind(vm.stepProperty().isEqualTo(WizardStep.GUIDELINE));
        finish.setOnAction(e -> onFinish.run());
        Forms.showWhen(next, vm.stepProperty().isNotEqualTo(WizardStep.GUIDELINE));
        Forms.showWhen(finish, vm.stepProperty().isEqualTo(WizardStep.GUIDELINE));
        HBox bar = new HBox(8, cancel, Forms.spacer(), back, next, finish);
        bar.getStyleClass().add("wizard-footer");
        return bar;
    }

    private void show(WizardStep step) {
        counter.setText("Step " + (step.ordinal() + 1) + " of " + WizardStep.values().length);
        title.setText(step.title());
        explanation.setText(step.explanation());
        stepLabels.forEach((s, label) -> {
            label.getStyleClass().removeAll("current", "done");
            if (s == step) {
                label.getStyleClass().add("current");
            } else if (s.ordinal() < step.ordinal()) {
                label.getStyleClass().add("done");
            }
        });
        Node page = switch (step) {
            case DATASET -> datasetPage.node();
            case MODEL -> modelPage.node();
            case TAXONOMY -> taxonomyPage.node();
            case GUIDELINE -> guidelinePage.node();
        };
        pageHolder.setContent(page);
        pageHolder.setVvalue(0);
        Node focus = switch (step) {
            case DATASET -> datasetPage.focusTarget();
            case MODEL -> modelPage.focusTarget();
            case TAXONOMY -> taxonomyPage.focusTarget();
            case GUIDELINE -> guidelinePage.focusTarget();
        };
        if (focus != null) {
            Platform.runLater(focus::requestFocus); // after the page is in the scene, or the request is ignored
        }
    }
}
