package org.querent.query.rules;

import java.util.List;

/**
 * A batch composed under {@link BatchRules}, with what the rules left out.
 *
 * @param picks                  in presentation order: strategy picks, then drift picks, then audit picks
 * @param skippedNearDuplicates  ranked candidates passed over as near-duplicates
 * @param skippedBySourceCap     ranked candidates passed over because their source folder was full
 */
public record ComposedBatch(List<Pick> picks, int skippedNearDuplicates, int skippedBySourceCap) {

    public int size() {
        return picks.size();
    }

    /** Candidate rows of the picks of one kind, in batch order. */
    public int[] indicesOf(Pick.Kind kind) {
        return picks.stream().filter(p -> p.kind() == kind).mapToInt(Pick::index).toArray();
    }
}
