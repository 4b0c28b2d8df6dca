package org.querent.session;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.querent.common.LogitMatrix;
import org.querent.learn.Head;
import org.querent.learn.TemperatureScaling;
import org.querent.project.Project;
import org.querent.store.HeadRecord;
import org.querent.store.LabelDefinition;

/**
 * Turns a pool into class probabilities with the best source available: the newest trained head; before
 * any head, the model's own class output when it maps to the taxonomy; for text models, zero-shot
 * similarity between each item and each label's name and description; otherwise none.
 */
public final class Predictor {
    /** Softmax temperature for zero-shot cosine similarities (MiniLM cosines spread over roughly 0..0.6). */
    static final double ZERO_SHOT_TEMPERATURE = 0.05;
    /** The predictor name of the model's own class output. */
    static final String MODEL_CLASSES = "model classes";

    private Predictor() {
    }

    /**
     * @param head        the newest head for the pool's model, or null
     * @param modelLabels the labels of the model's own class output (empty when it has none)
     * @param labelEmbedder embeds label prompts with the project's model (text models), or null
     */
    public static Predictions predict(Project project, Pool pool, HeadRecord head, List<String> modelLabels,
                                      Function<List<String>, float[][]> labelEmbedder) {
        List<LabelDefinition> taxonomy = project.taxonomy().labels();
        List<String> labels = taxonomy.stream().map(LabelDefinition::name).toList();
        if (head != null) {
            Head model = Head.fromBytes(head.weights());
            double temperature = model.multiLabel() ? 1.0 : TrainingService.temperatureOf(head);
            // Calibrated logits z / T (temperature from held-out labels) in one chunked matrix; a row's probabilities
            // are their link, computed when asked for, and uncertainty is computed from the logits so that it never
            // saturates where probabilities round to 1 (ADR 0025).
            LogitMatrix logits = model.logitMatrix(pool, temperature); // from the compact rows, never a decoded copy
            boolean multiLabel = project.settings().multiLabel();
            int[] sourceOf = sourceOf(head.classNames(), labels);
            UnaryOperator<double[]> toProbabilities = z -> {
                model.link(z);
                return toTaxonomyRow(z, sourceOf, multiLabel);
            };
            return Predictions.ofLogits(logits, toProbabilities, sourceOf == null && model.multiLabel() == multiLabel,
                    labels, "head v" + head.version(), head.version());
        }
        if (pool.classScores() != null && modelLabels.stream().anyMatch(labels::contains)) {
            double[][] raw = new double[pool.size()][];
            for (int i = 0; i < raw.length; i++) {
                float[] s = pool.classScores()[i];
                raw[i] = new double[s.length];
                for (int j = 0; j < s.length; j++) {
                    raw[i][j] = s[j];
                }
            }
            return new Predictions(toTaxonomy(raw, modelLabels, labels, project.settings().multiLabel()), labels,
                    MODEL_CLASSES, null);
        }
        if (labelEmbedder != null) {
            List<String> prompts = taxonomy.stream()
                    .map(l -> l.description() == null || l.description().isBlank() ? l.name() : l.name() + ": " + l.description())
                    .toList();
            return new Predictions(zeroShot(pool, labelEmbedder.apply(prompts), project.settings().multiLabel()),
                    labels, "zero-shot", null);
        }
        double[][] uniform = new double[pool.size()][labels.size()];
        for (double[] row : uniform) {
            Arrays.fill(row, 1.0 / labels.size());
        }
        return new Predictions(uniform, labels, "none", null);
    }

    /** Reorders columns from a source label order to the taxonomy; labels the source lacks get 0, rows renormalised. */
    static double[][] toTaxonomy(double[][] raw, List<String> sourceLabels, List<String> taxonomy, boolean multiLabel) {
        int[] sourceOf = sourceOf(sourceLabels, taxonomy);
        if (sourceOf == null) {
            // The usual case (a head trained on the current taxonomy): the same arithmetic in place, so a million
            // rows are not copied once more.
            for (double[] row : raw) {
                toTaxonomyRow(row, null, multiLabel);
            }
            return raw;
        }
        double[][] out = new double[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            out[i] = toTaxonomyRow(raw[i], sourceOf, multiLabel);
        }
        return out;
    }

    /** For each taxonomy label its column in the source order (-1 when absent), or null when the orders are equal. */
    static int[] sourceOf(List<String> sourceLabels, List<String> taxonomy) {
        if (sourceLabels.equals(taxonomy)) {
            return null;
        }
        int[] sourceOf = new int[taxonomy.size()];
        for (int t = 0; t < taxonomy.size(); t++) {
            sourceOf[t] = sourceLabels.indexOf(taxonomy.get(t));
        }
        return sourceOf;
    }

    /**
     * One row of {@link #toTaxonomy}: with {@code sourceOf} null, {@code raw} renormalised in place (single-label) and
     * returned; otherwise a new row in taxonomy order.
     */
    static double[] toTaxonomyRow(double[] raw, int[] sourceOf, boolean multiLabel) {
        if (sourceOf == null) {
            if (!multiLabel) {
                double sum = 0;
                for (double v : raw) {
                    sum += v;
                }
                if (sum > 0) {
                    for (int t = 0; t < raw.length; t++) {
                        raw[t] /= sum;
                    }
                }
            }
            return raw;
        }
        double[] out = new double[sourceOf.length];
        double sum = 0;
        for (int t = 0; t < sourceOf.length; t++) {
            out[t] = sourceOf[t] < 0 ? 0 : raw[sourceOf[t]];
            sum += out[t];
        }
        if (!multiLabel && sum > 0) {
            for (int t = 0; t < sourceOf.length; t++) {
                out[t] /= sum;
            }
        }
        return out;
    }

    /**
     * Softmax over cosine similarity to each label (sigmoid around the mean for multi-label), over rows read one at
     * a time (a compact pool is never decoded whole). Rows run across cores, each writing only its own output, and
     * the norms are summed once per item and once per label: the same sums in the same order as one loop over
     * both, so the figures are bit for bit those of a serial loop (a million rows took about 10 s in that loop).
     */
    static double[][] zeroShot(org.querent.learn.Rows items, float[][] labelVectors, boolean multiLabel) {
        int n = items.size();
        int dim = items.dimension();
        double[][] out = new double[n][labelVectors.length];
        double[] labelNorms = new double[labelVectors.length];
        for (int l = 0; l < labelVectors.length; l++) {
            labelNorms[l] = squaredNorm(labelVectors[l]);
        }
        int tasks = (n + ZERO_SHOT_ROWS_PER_TASK - 1) / ZERO_SHOT_ROWS_PER_TASK;
        java.util.stream.IntStream.range(0, tasks).parallel().forEach(t -> {
            float[] item = new float[dim];
            double[] logits = new double[labelVectors.length];
            for (int i = t * ZERO_SHOT_ROWS_PER_TASK; i < Math.min(n, (t + 1) * ZERO_SHOT_ROWS_PER_TASK); i++) {
                items.copyRow(i, item);
                double itemNorm = squaredNorm(item);
                for (int l = 0; l < labelVectors.length; l++) {
                    logits[l] = cosine(item, itemNorm, labelVectors[l], labelNorms[l]) / ZERO_SHOT_TEMPERATURE;
                }
                toProbabilities(logits, multiLabel, out[i]);
            }
        });
        return out;
    }

    private static final int ZERO_SHOT_ROWS_PER_TASK = 4096;

    private static void toProbabilities(double[] logits, boolean multiLabel, double[] into) {
        if (multiLabel) {
            double mean = Arrays.stream(logits).average().orElse(0);
            for (int l = 0; l < logits.length; l++) {
                into[l] = 1 / (1 + Math.exp(-(logits[l] - mean)));
            }
            return;
        }
        System.arraycopy(logits, 0, into, 0, logits.length);
        org.querent.learn.SoftmaxHead.softmaxInPlace(into);
    }

    private static double squaredNorm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return sum;
    }

    private static double cosine(float[] a, double squaredNormA, float[] b, double squaredNormB) {
        if (squaredNormA == 0 || squaredNormB == 0) {
            return 0;
        }
        double dot = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
        }
        return dot / Math.sqrt(squaredNormA * squaredNormB);
    }

    /** Divides the logits by the head's temperature, in place (1 leaves them as they are); returns them. */
    static double[][] calibrate(double[][] logits, double temperature) {
        if (temperature != 1.0) {
            for (double[] row : logits) {
                for (int c = 0; c < row.length; c++) {
                    row[c] /= temperature;
                }
            }
        }
        return logits;
    }
}
