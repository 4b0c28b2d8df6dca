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
                modelHash == null ? 0 : scoredCount(modelHash), perClass, current.size(), accepted,
                corrected, project.decisions().countByKind(),
                project.guidelines().current().map(Guideline::version).orElse(null), versions, project.rounds().count());
    }

    /** Meta key of the last embedding count: "model:generation:largest id:count". */
    static final String SCORED_COUNT_KEY = "status.embeddings";
    /** Up to this many new embedding rows are counted by rowid; beyond it the key index is scanned again. */
    static final long INCREMENTAL_ROWS = 100_000;

    /**
     * The model's embedding count without counting a million rows each time (ADR 0025): kept in meta with the item
     * generation (migration 7: every delete of an embedding moves it) and the largest embedding id (every insert
     * moves it, and ids only grow). The same generation means no counted row left, so only rows after the kept id are
     * counted; any other change counts again. Everything is read before the count, and the count stops at that id,
     * so rows written meanwhile are counted next time, never twice.
     */
    int scoredCount(String modelHash) {
        String generation = project.meta().get("items.generation").orElse("none");
        long maxId = project.embeddings().maxId();
        String[] kept = project.meta().get(SCORED_COUNT_KEY).map(v -> v.split(":")).orElse(new String[0]);
        long after = 0;
        int base = 0;
        if (kept.length == 4 && kept[0].equals(modelHash) && kept[1].equals(generation)) {
            long keptId = Long.parseLong(kept[2]);
            if (keptId == maxId) {
                return Integer.parseInt(kept[3]);
            }
            if (keptId < maxId && maxId - keptId <= INCREMENTAL_ROWS) {
                after = keptId;
                base = Integer.parseInt(kept[3]);
            }
        }
        int count = base + project.embeddings().countInIdRange(modelHash, after, maxId);
        if (!project.database().readOnly()) {
            project.meta().put(SCORED_COUNT_KEY, modelHash + ":" + generation + ":" + maxId + ":" + count);
        }
        return count;
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
