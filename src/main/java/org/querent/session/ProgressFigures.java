package org.querent.session;

import java.util.Optional;

import org.querent.learn.RegularisationSearch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.querent.project.Project;
import org.querent.store.Decision;
import org.querent.store.DecisionRepository.Acceptance;
import org.querent.store.HeadRecord;

/** The reads behind the progress view: one consistent set of figures per call. Slow: call off the UI thread. */
public final class ProgressFigures {
    /** How many of the annotator's recent decisions the pace looks at. */
    static final int PACE_WINDOW = 1_000;

    private final Project project;

    public ProgressFigures(Project project) {
        this.project = project;
    }

    /**
     * Item counts.
     *
     * @param items  items in use or quarantined (removed files are not counted)
     * @param scored embeddings of the project's model, or null when the model is unknown
     */
    public record Totals(int items, Integer scored, int labelled, int flagged, int skipped, int quarantined) {
    }

    /**
     * One trained model version.
     *
     * @param c the L2 strength C it was trained with (chosen by cross-validation on the labels), or null for
     *          versions from before C was chosen per project
     */
    public record ModelVersion(int version, String createdAt, int labels, Double accuracy, Double macroF1,
                               boolean warmStarted, Double c) {
        public boolean hasHeldOut() {
            return accuracy != null && macroF1 != null;
        }
    }

    /**
     * Everything the progress view shows.
     *
     * @param labelsPerClass every label of the taxonomy in order, with its count of current labels
     * @param acceptance     accepted and corrected pre-labels per model version (null version: before any head)
     */
    public record Figures(Totals totals, Map<String, Integer> labelsPerClass, List<ModelVersion> versions,
                          List<Acceptance> acceptance, LabellingPace pace, String annotator) {

        /** The learning curve: versions with held-out metrics. */
        public List<ModelVersion> curve() {
            return versions.stream().filter(ModelVersion::hasHeldOut).toList();
        }

        public int accepted() {
            return acceptance.stream().mapToInt(Acceptance::accepted).sum();
        }

        public int corrected() {
            return acceptance.stream().mapToInt(Acceptance::corrected).sum();
        }
    }

    /**
     * Loads the figures.
     *
     * @param annotator whose pace to compute
     * @param modelHash the project's model, or null when it cannot be resolved (scored is then unknown)
     */
    public Figures load(String annotator, String modelHash) {
        Map<String, Integer> byState = project.items().countByState();
        Map<String, Integer> setAside = project.decisions().countSetAsideByKind();
        int quarantined = byState.getOrDefault("quarantined", 0);
        Totals totals = new Totals(byState.getOrDefault("active", 0) + quarantined,
                modelHash == null ? null : project.embeddings().count(modelHash), project.decisions().countLabelled(),
                setAside.getOrDefault("flag", 0), setAside.getOrDefault("skip", 0), quarantined);
        return new Figures(totals, labelsPerClass(), versions(), project.decisions().acceptanceByModelVersion(),
                pace(annotator), annotator);
    }

    private Map<String, Integer> labelsPerClass() {
        Map<String, Integer> counts = project.decisions().countCurrentLabelsByClass();
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String label : project.labelNames()) {
            out.put(label, counts.getOrDefault(label, 0));
        }
        // Labels since dropped from the taxonomy still count: they are in the data.
        counts.forEach(out::putIfAbsent);
        return out;
    }

    private List<ModelVersion> versions() {
        List<ModelVersion> out = new ArrayList<>();
        for (HeadRecord head : project.heads().all()) {
            Map<String, Object> provenance = head.provenance();
            Map<?, ?> heldOut = provenance.get("heldOut") instanceof Map<?, ?> m ? m : Map.of();
            out.add(new ModelVersion(head.version(), head.createdAt(), head.labelCount(), number(heldOut.get("accuracy")),
                    number(heldOut.get("macroF1")), Boolean.TRUE.equals(provenance.get("warmStarted")),
                    Optional.ofNullable(TrainingService.regularisationOf(head)).map(RegularisationSearch.Choice::c)
                            .orElse(null)));
        }
        return out;
    }

    private LabellingPace pace(String annotator) {
        if (annotator == null) {
            return LabellingPace.NONE;
        }
        List<Instant> times = project.decisions().recentOf(annotator, PACE_WINDOW).stream()
                .map(Decision::decidedAt).map(Instant::parse).toList();
        return LabellingPace.of(times, Instant.now(project.clock()));
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
