package org.querent.session;

import java.util.Map;

import org.querent.common.Cancellation;
import org.querent.learn.pool.HeadKind;
import org.querent.learn.pool.LabelSpreading;
import org.querent.learn.pool.PoolData;
import org.querent.project.Project;
import org.querent.store.HeadRecord;

/**
 * The pool's probabilities under a spreading head: the labels spread over the pool's neighbour graph (built or read
 * from {@link PoolGraphCache}). The stored linear weights of such a version (fitted to the spread labels) predict the
 * stop set and anything outside the graph; every pool row, and so the queue, the pre-labels and the audit picks, gets
 * the spread itself. Rows no label reaches keep the linear head's prediction.
 */
final class SpreadPredictions {

    private SpreadPredictions() {
    }

    /** Whether the version was trained as a spreading head. */
    static boolean isSpreading(HeadRecord head) {
        return head != null && head.provenance().get("head") instanceof Map<?, ?> m
                && HeadKind.SPREADING.id().equals(m.get("kind"));
    }

    /**
     * @param linear the stored head's predictions in taxonomy order (the fallback for rows no label reaches)
     * @return the spread predictions, or {@code linear} when the taxonomy changed since the version was trained
     */
    static Predictions of(Project project, Pool pool, HeadRecord head, Predictions linear, PoolGraphCache graphs) {
        if (!head.classNames().equals(project.labelNames()) || project.settings().multiLabel()) {
            return linear;
        }
        TrainingService.LabelledSet set = new TrainingService(project, graphs).labelledSet(pool);
        if (set.rows().length == 0) {
            return linear;
        }
        PoolData data = set.poolData(pool);
        double alpha = LabelSpreading.DEFAULT_ALPHA;
        if (head.provenance().get("head") instanceof Map<?, ?> m && m.get("details") instanceof Map<?, ?> d
                && d.get("alpha") instanceof Number a) {
            alpha = a.doubleValue();
        }
        double[][] spread = graphs.graphOf(pool, Cancellation.none()).spreading()
                .spread(data.labelledRows(), data.labels(), data.classes(), alpha);
        for (int i = 0; i < spread.length; i++) {
            if (spread[i] == null) {
                spread[i] = linear.probabilities(i);
            }
        }
        return new Predictions(spread, linear.labels(), linear.predictor() + " (spreading)", linear.modelVersion());
    }
}
