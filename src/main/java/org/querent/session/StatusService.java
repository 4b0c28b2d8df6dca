package org.querent.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.querent.project.Project;
import org.querent.store.Decision;
import org.querent.store.GuidelineRepository.Guideline;
import org.querent.store.HeadRecord;

/** Figures of a project: items, scoring, labels per class, pre-label acceptance, model versions. */
public final class StatusService {
    private final Project project;

    public StatusService(Project project) {
        this.project = project;
    }

    /**
     * One model version with its held-out metrics, when it had enough labels for them, and its L2 strength C with how
     * it was chosen (null for versions trained before C was chosen per project).
     */
    public record Version(int version, String createdAt, int labels, Double accuracy, Double macroF1, Double c,
                          String cChoice) {
    }

    /** Everything `status` shows. */
    public record Status(String dataRoot, String model, boolean multiLabel, Map<String, Integer> itemsByState,
                         int duplicates, int scored, Map<String, Integer> labelsPerClass, int labelled,
                         int accepted, int corrected, Map<String, Integer> decisionsByKind, Integer guidelineVersion,
                         List<Version> versions, int rounds) {
    }

    /** Why items are quarantined: counts per reason and the first few paths, for 'status'. */
    public java.util.List<org.querent.store.ItemRepository.QuarantineReason> quarantineReasons() {
        return project.items().quarantineReasons(3);
    }

    public Status status(String modelHash) {
        Map<String, Integer> perClass = new LinkedHashMap<>();
        for (String label : project.labelNames()) {
            perClass.put(label, 0);
        }
        int accepted = 0;
        int corrected = 0;
        Map<Long, Decision> current = project.decisions().currentLabels();
        for (Decision d : current.values()) {
            for (String label : d.labels()) {
                perClass.merge(label, 1, Integer::sum);
            }
            if (Boolean.TRUE.equals(d.accepted())) {
                accepted++;
            } else if (Boolean.FALSE.equals(d.accepted())) {
                corrected++;
            }
        }
        List<Version> versions = project.heads().all().stream().map(StatusService::version).toList();
        return new Status(project.settings().dataRoot(), project.settings().model(), project.settings().multiLabel(),
                project.items().countByState(), project.items().countDuplicates(),
                modelHash == null ? 0 : project.embeddings().count(modelHash), perClass, current.size(), accepted,
                corrected, project.decisions().countByKind(),
                project.guidelines().current().map(Guideline::version).orElse(null), versions, project.rounds().count());
    }

    @SuppressWarnings("unchecked")
    private static Version version(HeadRecord head) {
        Object heldOut = head.provenance().get("heldOut");
        Double accuracy = null;
        Double macroF1 = null;
        if (heldOut instanceof Map<?, ?> m) {
            Map<String, Object> metrics = (Map<String, Object>) m;
            accuracy = metrics.get("accuracy") instanceof Number n ? n.doubleValue() : null;
            macroF1 = metrics.get("macroF1") instanceof Number n ? n.doubleValue() : null;
        }
        org.querent.learn.RegularisationSearch.Choice choice = TrainingService.regularisationOf(head);
        return new Version(head.version(), head.createdAt(), head.labelCount(), accuracy, macroF1,
                choice == null ? null : choice.c(), choice == null ? null : choice.how());
    }
}
