package org.querent.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.querent.common.Cancellation;

/**
 * Chooses the L2 strength C per project by cross-validation on its labels, from a small grid: how much to trust the
 * labels over a simple head depends on the embeddings and the classes, not on a constant (scikit-learn's
 * {@code LogisticRegressionCV} does the same). Single-label: the C whose out-of-fold predictions are right most
 * often, ties to the lower out-of-fold log-loss, then to the smaller C; multi-label: the lowest log-loss.
 *
 * <p>Cheap by construction: {@value #FOLDS} folds over at most {@value #MAX_LABELS} labels, each fold's path over
 * the grid warm-started from the previous C, and repeated only when the labels have grown by a quarter since the
 * last choice ({@link #isDue}).
 */
public final class RegularisationSearch {

    /** The grid: a decade apart, around scikit-learn's default of 1 and the old fixed 10. */
    public static final double[] GRID = {0.1, 1, 10, 100};
    static final int FOLDS = 3;
    static final int MAX_LABELS = 2_000;
    /** Search again once the labels have grown by this factor since the last choice. */
    static final double GROWTH = 1.25;

    private RegularisationSearch() {
    }

    /**
     * A choice of C and the figures behind it.
     *
     * @param c          the chosen C
     * @param labels     labels it was chosen on (before any subsampling)
     * @param accuracy   out-of-fold accuracy per grid value (NaN for multi-label)
     * @param logLoss    out-of-fold mean log-loss per grid value
     * @param how        one line for provenance and status
     */
    public record Choice(double c, int labels, double[] grid, double[] accuracy, double[] logLoss, String how) {

        /** Whether C came from cross-validation (not a default or a given value). */
        public boolean searched() {
            return grid.length > 0;
        }

        /** JSON-ready. */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("c", c);
            map.put("labels", labels);
            map.put("searched", searched());
            map.put("how", how);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int g = 0; g < grid.length; g++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("c", grid[g]);
                row.put("accuracy", Double.isNaN(accuracy[g]) ? null : accuracy[g]);
                row.put("logLoss", Double.isNaN(logLoss[g]) ? null : logLoss[g]);
                rows.add(row);
            }
            map.put("grid", rows);
            return map;
        }

        /** A choice read back from provenance (only what reusing it needs), or null. */
        public static Choice fromMap(Object value) {
            if (value instanceof Map<?, ?> m && m.get("c") instanceof Number c && m.get("labels") instanceof Number n) {
                double[] grid = Boolean.TRUE.equals(m.get("searched")) ? GRID.clone() : new double[0];
                double[] unknown = new double[grid.length];
                Arrays.fill(unknown, Double.NaN);
                return new Choice(c.doubleValue(), n.intValue(), grid, unknown, unknown.clone(),
                        String.valueOf(m.get("how")));
            }
            return null;
        }

        /** This choice kept for a later training with {@code labels} labels, until the next search is due. */
        public Choice keptFor(int labels) {
            String base = how.contains("; kept") ? how.substring(0, how.indexOf("; kept")) : how;
            return new Choice(c, this.labels, grid, accuracy, logLoss, String.format(Locale.ROOT,
                    "%s; kept at %d labels (searched again from %d)", base, labels,
                    (int) Math.ceil(GROWTH * this.labels)));
        }

        /** A C given by the caller rather than searched. */
        public static Choice fixed(double c, int labels) {
            return new Choice(c, labels, new double[0], new double[0], new double[0],
                    String.format(Locale.ROOT, "C=%s given", format(c)));
        }
    }

    /**
     * Whether to search again: no earlier choice, an earlier one made without cross-validation that now can be, or
     * labels grown by a quarter (or fewer than then) since.
     */
    public static boolean isDue(Choice previous, TrainingData data) {
        if (previous == null) {
            return true;
        }
        if (!previous.searched()) {
            return canSearch(data);
        }
        return data.size() >= GROWTH * previous.labels() || data.size() < previous.labels();
    }

    /** Whether there are enough labels to cross-validate (as {@link CrossValidation#hasEnoughLabels}). */
    public static boolean canSearch(TrainingData data) {
        return CrossValidation.hasEnoughLabels(data);
    }

    /**
     * Searches the grid. With too few labels to cross-validate, returns {@code fallback} with the reason.
     *
     * @param base     settings whose C is replaced by each grid value
     * @param fallback the C to use when there are too few labels
     */
    public static Choice choose(TrainingData data, TrainSettings base, double fallback, long seed,
                                Cancellation cancellation) {
        if (!canSearch(data)) {
            return new Choice(fallback, data.size(), new double[0], new double[0], new double[0],
                    String.format(Locale.ROOT, "C=%s by default (%d labels: too few to cross-validate)",
                            format(fallback), data.size()));
        }
        TrainingData sample = data.size() <= MAX_LABELS ? data : data.subset(sample(data.size(), seed));
        int[] foldOf = Splits.stratifiedFolds(sample.primaryLabels(), FOLDS, seed);
        int n = sample.size();
        double[][][] outOfFold = new double[GRID.length][n][];
        HeadTrainer trainer = new HeadTrainer();
        for (int fold = 0; fold < FOLDS; fold++) {
            Splits.Split split = Splits.fold(foldOf, fold);
            if (split.test().length == 0) {
                continue;
            }
            TrainingData train = sample.subset(split.train());
            float[][] test = sample.subset(split.test()).x();
            Head previous = null;
            for (int g = 0; g < GRID.length; g++) {
                cancellation.throwIfCancelled();
                // ascending C: each fit starts from the smoother one before it, which is near
                previous = trainer.train(train, previous, base.withC(GRID[g]), cancellation).head();
                double[][] p = previous.predict(test);
                for (int t = 0; t < split.test().length; t++) {
                    outOfFold[g][split.test()[t]] = p[t];
                }
            }
        }
        double[] accuracy = new double[GRID.length];
        double[] logLoss = new double[GRID.length];
        int best = 0;
        for (int g = 0; g < GRID.length; g++) {
            accuracy[g] = sample.multiLabel() ? Double.NaN : accuracy(outOfFold[g], sample.primaryLabels());
            logLoss[g] = logLoss(outOfFold[g], sample);
            if (better(accuracy, logLoss, g, best, sample.multiLabel())) {
                best = g;
            }
        }
        String how = String.format(Locale.ROOT, "C=%s by %d-fold cross-validation on %d labels (%s)", format(GRID[best]),
                FOLDS, n, sample.multiLabel()
                        ? "log-loss " + figures(logLoss) : "accuracy " + figures(accuracy));
        return new Choice(GRID[best], data.size(), GRID.clone(), accuracy, logLoss, how);
    }

    private static boolean better(double[] accuracy, double[] logLoss, int g, int best, boolean multiLabel) {
        if (g == best) {
            return false;
        }
        if (!multiLabel && accuracy[g] != accuracy[best]) {
            return accuracy[g] > accuracy[best];
        }
        return logLoss[g] < logLoss[best];
    }

    /** A seeded subset of {@value #MAX_LABELS} rows, in row order. */
    private static int[] sample(int n, long seed) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = rows[i];
            rows[i] = rows[j];
            rows[j] = t;
        }
        int[] kept = Arrays.copyOf(rows, MAX_LABELS);
        Arrays.sort(kept);
        return kept;
    }

    private static double accuracy(double[][] p, int[] truth) {
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            right += Evaluation.argmax(new double[][] {p[i]})[0] == truth[i] ? 1 : 0;
        }
        return (double) right / p.length;
    }

    private static double logLoss(double[][] p, TrainingData data) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            if (data.multiLabel()) {
                boolean[] on = new boolean[p[i].length];
                for (int label : data.labels()[i]) {
                    on[label] = true;
                }
                for (int c = 0; c < p[i].length; c++) {
                    sum -= Math.log(Math.max(1e-15, on[c] ? p[i][c] : 1 - p[i][c])) / p[i].length;
                }
            } else {
                sum -= Math.log(Math.max(1e-15, p[i][data.primaryLabels()[i]]));
            }
        }
        return sum / p.length;
    }

    private static String figures(double[] values) {
        StringBuilder out = new StringBuilder();
        for (int g = 0; g < GRID.length; g++) {
            out.append(g == 0 ? "" : ", ").append(format(GRID[g])).append(": ")
                    .append(String.format(Locale.ROOT, "%.3f", values[g]));
        }
        return out.toString();
    }

    /** 0.1, 1, 10, 100 as written. */
    public static String format(double c) {
        return c == Math.rint(c) ? String.valueOf((long) c) : String.valueOf(c);
    }
}
