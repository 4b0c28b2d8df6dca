package org.querent.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.querent.project.Project;
import org.querent.store.InterchangeRepository;
import org.querent.store.InterchangeRepository.ExternalPrediction;

/**
 * Before the first trained version, an external model's pre-labels (import-labels --as-predictions, Label Studio
 * predictions) are shown for the items they cover: the predicted label gets its score (1 when the file gave none), the
 * other labels share the rest; items they do not cover keep the project's own source (model classes, zero-shot).
 */
final class ExternalPreLabels {
    private ExternalPreLabels() {
    }

    static Predictions overlay(Project project, Pool pool, Predictions own) {
        List<ExternalPrediction> external = new InterchangeRepository(project.database(), project.clock())
                .externalPredictions();
        if (external.isEmpty()) {
            return own;
        }
        Map<Long, ExternalPrediction> newest = new HashMap<>();
        external.forEach(e -> newest.put(e.itemId(), e)); // oldest first: the newest import wins
        List<String> labels = own.labels();
        boolean multiLabel = project.settings().multiLabel();
        double[][] p = new double[pool.size()][];
        int covered = 0;
        String source = null;
        for (int i = 0; i < pool.size(); i++) {
            ExternalPrediction e = newest.get(pool.items().get(i).id());
            List<Integer> predicted = e == null ? List.of()
                    : e.labels().stream().map(labels::indexOf).filter(k -> k >= 0).toList();
            if (predicted.isEmpty()) {
                p[i] = own.probabilities(i);
                continue;
            }
            covered++;
            source = e.modelVersion();
            double score = e.score() == null ? 1.0 : Math.max(0, Math.min(1, e.score()));
            double[] row = new double[labels.size()];
            double rest = multiLabel || labels.size() == predicted.size() ? 0
                    : (1 - score * predicted.size()) / (labels.size() - predicted.size());
            for (int c = 0; c < row.length; c++) {
                row[c] = Math.max(0, rest);
            }
            for (int k : predicted) {
                row[k] = score;
            }
            if (!multiLabel) {
                double sum = 0;
                for (double v : row) {
                    sum += v;
                }
                for (int c = 0; c < row.length; c++) {
                    row[c] /= sum;
                }
            }
            p[i] = row;
        }
        if (covered == 0) {
            return own;
        }
        String name = "external " + (covered == pool.size() ? source : source + " (" + covered + " items; the rest "
                + own.predictor() + ")");
        return new Predictions(p, labels, name, null);
    }
}
