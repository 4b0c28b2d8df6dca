package org.querent.ui.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.querent.session.LabellingPace;
import org.querent.session.LabellingSession;
import org.querent.session.ProgressFigures;
import org.querent.session.ProgressFigures.Figures;
import org.querent.session.ProgressFigures.ModelVersion;
import org.querent.session.ProgressFigures.Totals;
import org.querent.store.DecisionRepository.Acceptance;
import org.querent.session.OpenProject;
import org.querent.ui.task.TaskRunner;
import org.querent.ui.task.TaskRunner.Lane;

/**
 * State of the progress view: totals, labels per class, the learning curve, pre-label acceptance, pace and
 * model versions, all loaded together in the READS lane by {@link #refresh}.
 */
final class ProgressViewModel {
    /** The figure behind the learning-curve hint; cross-validation needs this many labels (see TrainingService). */
    static final String CURVE_HINT = "The learning curve needs 30 labels and 2 per class: held-out accuracy is "
            + "measured from then on, at each retrain.";

    /** One bar of "labels per class". */
    record ClassCount(String label, int count) {
    }

    /** One row of the acceptance breakdown: who made the pre-labels and how they fared. */
    record AcceptanceRow(String source, int accepted, int corrected) {
        double share() {
            int shown = accepted + corrected;
            return shown == 0 ? 0 : (double) accepted / shown;
        }
    }

    private final TaskRunner tasks;
    private final Supplier<OpenProject> project;
    private final Supplier<String> defaultAnnotator;

    private final ReadOnlyObjectWrapper<Totals> totals = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ClassCount> labelsPerClass = FXCollections.observableArrayList();
    private final ObservableList<ModelVersion> curve = FXCollections.observableArrayList();
    private final ObservableList<ModelVersion> versions = FXCollections.observableArrayList();
    private final ObservableList<AcceptanceRow> acceptance = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper acceptSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper paceHeadline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper paceDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private long generation;

    /**
     * @param project          the open project, asked at each refresh (null on the start screen)
     * @param defaultAnnotator whose pace to show when no labelling session runs (the user's name from settings)
     */
    ProgressViewModel(TaskRunner tasks, Supplier<OpenProject> project, Supplier<String> defaultAnnotator) {
        this.tasks = tasks;
        this.project = project;
        this.defaultAnnotator = defaultAnnotator;
    }

    ReadOnlyObjectProperty<Totals> totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    ObservableList<ClassCount> labelsPerClass() {
        return labelsPerClass;
    }

    /** Model versions with held-out metrics, oldest first; empty until there are enough labels. */
    ObservableList<ModelVersion> curve() {
        return curve;
    }

    ObservableList<ModelVersion> versions() {
        return versions;
    }

    ObservableList<AcceptanceRow> acceptance() {
        return acceptance;
    }

    /** "82 % of 120 pre-labels accepted" */
    ReadOnlyStringProperty acceptSummaryProperty() {
        return acceptSummary.getReadOnlyProperty();
    }

    /** "142 items per hour" */
    ReadOnlyStringProperty paceHeadlineProperty() {
        return paceHeadline.getReadOnlyProperty();
    }

    /** "37 in the last hour · 1 h 12 min active (ana)" */
    ReadOnlyStringProperty paceDetailProperty() {
        return paceDetail.getReadOnlyProperty();
    }

    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Loads every figure again in the background. */
    void refresh() {
        OpenProject open = project.get();
        long asked = ++generation;
        if (open == null) {
            return;
        }
        LabellingSession session = open.session();
        String annotator = session != null ? session.annotator() : defaultAnnotator.get();
        loading.set(true);
        tasks.run(Lane.READS, () -> open.progressFigures().load(annotator, modelHashOrNull(open)),
                figures -> {
                    if (asked == generation) {
                        show(figures);
                    }
                }, error -> {
                    if (asked == generation) {
                        loading.set(false);
                        problem.set("Could not load the figures: " + error.getMessage());
                    }
                });
    }

    /** The model's hash names its embeddings; a missing model only costs the "scored" figure. */
    private static String modelHashOrNull(OpenProject open) {
        try {
            return open.models().hash();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void show(Figures figures) {
        loading.set(false);
        problem.set("");
        totals.set(figures.totals());
        List<ClassCount> counts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : figures.labelsPerClass().entrySet()) {
            counts.add(new ClassCount(e.getKey(), e.getValue()));
        }
        labelsPerClass.setAll(counts);
        curve.setAll(figures.curve());
        versions.setAll(figures.versions());
        acceptance.setAll(figures.acceptance().stream().map(ProgressViewModel::row).toList());
        acceptSummary.set(acceptSummary(figures.accepted(), figures.corrected()));
        paceHeadline.set(paceHeadline(figures.pace()));
        paceDetail.set(paceDetail(figures.pace(), figures.annotator()));
    }

    private static AcceptanceRow row(Acceptance a) {
        return new AcceptanceRow(a.modelVersion() == null ? "before v1" : "v" + a.modelVersion(), a.accepted(), a.corrected());
    }

    static String acceptSummary(int accepted, int corrected) {
        int shown = accepted + corrected;
        if (shown == 0) {
            return "No pre-labels judged yet";
        }
        return String.format(Locale.ROOT, "%.0f %% of %,d pre-labels accepted", 100.0 * accepted / shown, shown);
    }

    static String paceHeadline(LabellingPace pace) {
        return pace.perHour() == null ? "Not enough decisions yet"
                : String.format(Locale.ROOT, "%,.0f items per hour", pace.perHour());
    }

    static String paceDetail(LabellingPace pace, String annotator) {
        long minutes = pace.activeTime().toMinutes();
        String active = minutes >= 60 ? (minutes / 60) + " h " + (minutes % 60) + " min" : minutes + " min";
        return String.format(Locale.ROOT, "%d in the last hour · %s active · %s", pace.lastHour(), active, annotator);
    }
}
