package org.querent.query.rules;

import java.util.LinkedHashMap;
import java.util.Map;

import org.querent.common.QuerentException;

/**
 * Rules that shape a batch whatever strategy ranked it.
 *
 * @param nearDuplicate cosine above which a candidate counts as a near-duplicate of a labelled item or of an
 *                      item already in the batch, and is skipped; 0 turns the rule off
 * @param maxPerSource  most items of one source folder in a batch; 0 means no cap
 * @param driftShare    share of the batch reserved for the newest items (the newest {@code driftShare} of the
 *                      candidates, by the order they were added), best-ranked first
 * @param auditShare    share of the batch drawn uniformly at random from all candidates: their labels give an
 *                      unbiased estimate of the current model's accuracy on the pool
 */
public record BatchRules(double nearDuplicate, int maxPerSource, double driftShare, double auditShare) {

    public BatchRules {
        if (!(nearDuplicate >= 0 && nearDuplicate <= 1)) {
            throw QuerentException.usage("--near-duplicate must be a cosine between 0 (off) and 1, got " + nearDuplicate);
        }
        if (maxPerSource < 0) {
            throw QuerentException.usage("--max-per-source must be 0 (no cap) or more, got " + maxPerSource);
        }
        if (!(driftShare >= 0 && driftShare <= 1) || !(auditShare >= 0 && auditShare <= 1)
                || driftShare + auditShare > 1 + 1e-9) {
            throw QuerentException.usage("--drift-share and --audit-share must be between 0 and 1 and sum to at most 1, got "
                    + "drift-share=" + driftShare + ", audit-share=" + auditShare);
        }
    }

    /** No rule: the batch is the strategy's top items. */
    public static BatchRules none() {
        return new BatchRules(0, 0, 0, 0);
    }

    /** Whether any rule is on. */
    public boolean active() {
        return nearDuplicate > 0 || maxPerSource > 0 || driftShare > 0 || auditShare > 0;
    }

    /** Audit picks in a batch of {@code size}: the share rounded, never more than the batch. */
    public int auditCount(int size) {
        return Math.min(size, (int) Math.round(size * auditShare));
    }

    /** Drift picks in a batch of {@code size}, after the audit picks. */
    public int driftCount(int size) {
        return Math.min(size - auditCount(size), (int) Math.round(size * driftShare));
    }

    /** The rules as recorded with a round. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nearDuplicate", nearDuplicate);
        m.put("maxPerSource", maxPerSource);
        m.put("driftShare", driftShare);
        m.put("auditShare", auditShare);
        return m;
    }
}
