package org.querent.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.querent.project.Project;
import org.querent.store.Decision;

/**
 * The accuracy of the model on the pool, measured on audit picks only: items drawn uniformly at random into a
 * batch (see {@link org.querent.query.rules.BatchRules#auditShare()}) and then labelled. Their pre-label was made
 * before anyone looked, by a model that did not choose them, so "pre-label equals label" is an unbiased sample of
 * that model's accuracy on the unlabelled pool, unlike acceptance over strategy picks (which are the hard items).
 */
public final class AuditEstimateService {
    private final Project project;

    public AuditEstimateService(Project project) {
        this.project = project;
    }

    /**
     * Audit accuracy of the pre-labels one model version made.
     *
     * @param modelVersion the head version, or null for pre-labels made before any head (zero-shot, model classes)
     */
    public record VersionAccuracy(Integer modelVersion, Proportion accuracy) {
    }

    /**
     * @param latest    the newest model version with audit labels, or null when there are none
     * @param byVersion per model version, oldest first (no head first)
     * @param pooled    all audit labels together (a mix of versions)
     */
    public record AuditEstimate(VersionAccuracy latest, List<VersionAccuracy> byVersion, Proportion pooled) {
        public boolean available() {
            return latest != null;
        }
    }

    /** The current labels of audit picks (their pre-label was shown and judged), by item id. */
    public Map<Long, Decision> auditLabels() {
        Map<Long, Set<Long>> auditByRound = AuditPicks.read(project.meta());
        Map<Long, Decision> out = new java.util.LinkedHashMap<>();
        for (Decision d : project.decisions().currentLabels().values()) {
            if (d.roundId() == null || d.preLabel() == null || d.accepted() == null) {
                continue;
            }
            Set<Long> audit = auditByRound.get(d.roundId());
            if (audit != null && audit.contains(d.itemId())) {
                out.put(d.itemId(), d);
            }
        }
        return out;
    }

    public AuditEstimate estimate() {
        // key -1 stands for "no head"; TreeMap keeps versions in order
        TreeMap<Integer, int[]> counts = new TreeMap<>();
        for (Decision d : auditLabels().values()) {
            int[] c = counts.computeIfAbsent(d.modelVersion() == null ? -1 : d.modelVersion(), k -> new int[2]);
            c[0] += d.accepted() ? 1 : 0;
            c[1]++;
        }
        List<VersionAccuracy> byVersion = new ArrayList<>();
        int right = 0;
        int all = 0;
        for (Map.Entry<Integer, int[]> e : counts.entrySet()) {
            byVersion.add(new VersionAccuracy(e.getKey() < 0 ? null : e.getKey(), Proportion.wilson(e.getValue()[0], e.getValue()[1])));
            right += e.getValue()[0];
            all += e.getValue()[1];
        }
        VersionAccuracy latest = byVersion.isEmpty() ? null : byVersion.get(byVersion.size() - 1);
        return new AuditEstimate(latest, List.copyOf(byVersion), Proportion.wilson(right, all));
    }
}
