package org.querent.ui.start;

import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.querent.common.Cancellation;
import org.querent.ui.common.ErrorDialogs;
import org.querent.ui.task.TaskRunner;
import org.querent.session.setup.DatasetPreview;
import org.querent.session.setup.ModelFiles;
import org.querent.session.setup.ProjectCreation;
import org.querent.session.setup.ProjectPlan;

/**
 * The new-project wizard's state: one model per page, the current page, and the commands Back, Next and
 * Finish. Finish hands a {@link ProjectPlan} to the {@link ProjectCreation} on the LONG lane; a failure is shown
 * on the last page and every field keeps its value, so the user can fix the cause and finish again.
 */
public final class NewProjectViewModel {
    private final TaskRunner tasks;
    private final ProjectCreation creator;
    private final DatasetStepModel dataset;
    private final ModelStepModel model;
    private final TaxonomyStepModel taxonomy = new TaxonomyStepModel();
    private final StringProperty guideline = new SimpleStringProperty(this, "guideline", "");

    private final ReadOnlyObjectWrapper<WizardStep> step = new ReadOnlyObjectWrapper<>(this, "step", WizardStep.DATASET);
    private final ReadOnlyBooleanWrapper canGoNext = new ReadOnlyBooleanWrapper(this, "canGoNext", false);
    private final ReadOnlyBooleanWrapper canFinish = new ReadOnlyBooleanWrapper(this, "canFinish", false);
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper(this, "creating", false);
    private final ReadOnlyStringWrapper creationStatus = new ReadOnlyStringWrapper(this, "creationStatus", "");
    private final ReadOnlyStringWrapper finishError = new ReadOnlyStringWrapper(this, "finishError");
    private final ReadOnlyObjectWrapper<Path> createdFile = new ReadOnlyObjectWrapper<>(this, "createdFile");
    private Cancellation creation = Cancellation.none();

    /** The wizard over the real core services. */
    public NewProjectViewModel(TaskRunner tasks) {
        this(tasks, new DatasetPreview(), new ModelFiles(), new ProjectCreation());
    }

    NewProjectViewModel(TaskRunner tasks, DatasetPreview datasetInspector, ModelFiles modelInspector,
                        ProjectCreation creator) {
        this.tasks = tasks;
        this.creator = creator;
        this.dataset = new DatasetStepModel(tasks, datasetInspector);
        this.model = new ModelStepModel(tasks, modelInspector);
        dataset.summaryProperty().addListener((o, old, summary) -> {
            if (summary != null) {
                model.datasetScanned(summary);
                taxonomy.setFolderNames(summary.classFolders());
            }
        });
        for (Observable o : new Observable[] {step, creating, dataset.validProperty(), model.validProperty(),
                taxonomy.validProperty()}) {
            o.addListener(x -> update());
        }
        update();
    }

    // ---- properties

    DatasetStepModel dataset() {
        return dataset;
    }

    ModelStepModel model() {
        return model;
    }

    TaxonomyStepModel taxonomy() {
        return taxonomy;
    }

    StringProperty guidelineProperty() {
        return guideline;
    }

    ReadOnlyObjectProperty<WizardStep> stepProperty() {
        return step.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canGoNextProperty() {
        return canGoNext.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canFinishProperty() {
        return canFinish.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    /** "Importing 40 of 300 files…" while the project is made. */
    ReadOnlyStringProperty creationStatusProperty() {
        return creationStatus.getReadOnlyProperty();
    }

    /** Why the last Finish failed, or null. */
    ReadOnlyStringProperty finishErrorProperty() {
        return finishError.getReadOnlyProperty();
    }

    /** The project file once created (the view then closes the window). */
    ReadOnlyObjectProperty<Path> createdFileProperty() {
        return createdFile.getReadOnlyProperty();
    }

    /** Whether the current page is complete. */
    boolean isStepValid(WizardStep s) {
        return stepValid(s).get();
    }

    // ---- commands

    void next() {
        if (canGoNext.get()) {
            step.set(step.get().next());
        }
    }

    void back() {
        if (!step.get().isFirst() && !creating.get()) {
            step.set(step.get().previous());
        }
    }

    /** Jumps to an earlier page (or a later one when every page before it is complete). */
    void goTo(WizardStep target) {
        if (creating.get()) {
            return;
        }
        for (WizardStep s : WizardStep.values()) {
            if (s == target) {
                step.set(target);
                return;
            }
            if (!isStepValid(s)) {
                return;
            }
        }
    }

    /** Creates the project in the background; {@code onCreated} runs on the UI thread with its file. */
    void finish(Consumer<Path> onCreated) {
        if (!canFinish.get()) {
            return;
        }
        ProjectPlan plan = plan();
        creating.set(true);
        finishError.set(null);
        creationStatus.set("Creating the project…");
        Cancellation cancel = new Cancellation();
        creation = cancel;
        ProgressThrottle progress = new ProgressThrottle(tasks, "Importing", status -> {
            if (creating.get()) {
                creationStatus.set(status);
            }
        });
        tasks.run(TaskRunner.Lane.LONG, () -> creator.create(plan, progress, cancel), created -> {
            creating.set(false);
            creationStatus.set(created.report().summary());
            createdFile.set(created.projectFile());
            onCreated.accept(created.projectFile());
        }, error -> {
            creating.set(false);
            creationStatus.set("");
            finishError.set(ErrorDialogs.message(error));
        });
    }

    /** Asks a running creation to stop; it then removes what it made and reports "cancelled". */
    void cancelCreation() {
        creation.cancel();
    }

    /** The plan Finish would carry out, from the current values. */
    ProjectPlan plan() {
        return new ProjectPlan(dataset.projectPath(), dataset.summary().folder(), model.modelReference(),
                model.manifestToWrite(), model.manifestFile(), taxonomy.definitions(),
                taxonomy.multiLabelProperty().get(), guideline.get(), taxonomy.labelsFromFoldersProperty().get());
    }

    private ObservableBooleanValue stepValid(WizardStep s) {
        return switch (s) {
            case DATASET -> dataset.validProperty();
            case MODEL -> model.validProperty();
            case TAXONOMY -> taxonomy.validProperty();
            case GUIDELINE -> new ReadOnlyBooleanWrapper(true);
        };
    }

    private void update() {
        WizardStep current = step.get();
        boolean idle = !creating.get();
        canGoNext.set(idle && !current.isLast() && isStepValid(current));
        boolean allValid = true;
        for (WizardStep s : WizardStep.values()) {
            allValid &= isStepValid(s);
        }
        canFinish.set(idle && current.isLast() && allValid);
    }
}
