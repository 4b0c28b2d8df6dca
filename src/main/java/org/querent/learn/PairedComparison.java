package org.querent.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.querent.common.QuerentException;

/**
 * Two models' predictions on the same labelled items (an evaluation set), compared pairwise: accuracy, macro-F1,
 * log-loss and per-label recall of each, McNemar's exact test on the items only one of them gets right, and a paired
 * bootstrap interval of the accuracy difference. A candidate is worse "beyond the noise" when the whole 95% interval
 * of (candidate - incumbent) accuracy lies below zero.
 */
public final class PairedComparison {
    public static final int RESAMPLES = 2000;
    private static final double FLOOR = 1e-15;

    /** One model's figures on the set. */
    public record Figures(double accuracy, double macroF1, double logLoss, double[] recall) {
        public Map<String, Object> toMap(List<String> labels) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("accuracy", accuracy);
            map.put("macroF1", macroF1);
            map.put("logLoss", logLoss);
            Map<String, Double> perLabel = new LinkedHashMap<>();
            for (int c = 0; c < recall.length; c++) {
                perLabel.put(labels.get(c), Double.isNaN(recall[c]) ? null : recall[c]);
            }
            map.put("recall", perLabel);
            return map;
        }
    }

    /**
     * The comparison.
     *
     * @param onlyCandidate items only the candidate gets right
     * @param onlyIncumbent items only the incumbent gets right
     * @param mcNemarP      two-sided exact McNemar p-value
     * @param low           2.5th percentile of the bootstrap accuracy difference (candidate - incumbent)
     * @param high          97.5th percentile
     */
    public record Result(int items, Figures incumbent, Figures candidate, int onlyCandidate, int onlyIncumbent,
                         double mcNemarP, double low, double high) {
        public double difference() {
            return candidate.accuracy() - incumbent.accuracy();
        }

        /** Worse beyond the noise: the whole interval is below zero. */
        public boolean candidateWorse() {
            return high < 0;
        }

        public Map<String, Object> toMap(List<String> labels) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("items", items);
            map.put("incumbent", incumbent.toMap(labels));
            map.put("candidate", candidate.toMap(labels));
            map.put("accuracyDifference", difference());
            map.put("bootstrap95", List.of(low, high));
            map.put("onlyCandidateRight", onlyCandidate);
            map.put("onlyIncumbentRight", onlyIncumbent);
            map.put("mcNemarP", mcNemarP);
            return map;
        }
    }

    private PairedComparison() {
    }

    /**
     * @param truth     true label indices per item (one for single-label)
     * @param incumbent probabilities of the model in use, row per item
     * @param candidate probabilities of the new model
     * @param multiLabel labels at 0.5 or above are predicted (an item is right when the whole set is)
     */
    public static Result compare(int[][] truth, double[][] incumbent, double[][] candidate, int classes,
                                 boolean multiLabel, long seed) {
        if (truth.length == 0 || truth.length != incumbent.length || truth.length != candidate.length) {
            throw QuerentException.usage("a paired comparison needs the same items for both models, at least one:"
                    + " truth.length=" + truth.length + ", incumbent.length=" + incumbent.length
                    + ", candidate.length=" + candidate.length);
        }
        boolean[] rightA = correct(truth, incumbent, multiLabel);
        boolean[] rightB = correct(truth, candidate, multiLabel);
        int onlyA = 0;
        int onlyB = 0;
        for (int i = 0; i < truth.length; i++) {
            onlyA += rightA[i] && !rightB[i] ? 1 : 0;
            onlyB += rightB[i] && !rightA[i] ? 1 : 0;
        }
        double[] bootstrap = new double[RESAMPLES];
        SplittableRandom random = new SplittableRandom(seed);
        int n = truth.length;
        for (int r = 0; r < RESAMPLES; r++) {
            int diff = 0;
            for (int k = 0; k < n; k++) {
                int i = random.nextInt(n);
                diff += (rightB[i] ? 1 : 0) - (rightA[i] ? 1 : 0);
            }
            bootstrap[r] = (double) diff / n;
        }
        Arrays.sort(bootstrap);
        return new Result(n, figures(truth, incumbent, classes, multiLabel), figures(truth, candidate, classes, multiLabel),
                onlyB, onlyA, mcNemar(onlyA, onlyB), bootstrap[(int) Math.floor(0.025 * (RESAMPLES - 1))],
                bootstrap[(int) Math.ceil(0.975 * (RESAMPLES - 1))]);
    }

    static boolean[] correct(int[][] truth, double[][] p, boolean multiLabel) {
        boolean[] right = new boolean[truth.length];
        for (int i = 0; i < truth.length; i++) {
            if (multiLabel) {
                boolean[] isTrue = new boolean[p[i].length];
                for (int t : truth[i]) {
                    isTrue[t] = true;
                }
                boolean same = true;
                for (int c = 0; c < p[i].length; c++) {
                    same &= isTrue[c] == (p[i][c] >= Evaluation.THRESHOLD);
                }
                right[i] = same;
            } else {
                right[i] = Evaluation.argmax(new double[][] {p[i]})[0] == truth[i][0];
            }
        }
        return right;
    }

    static Figures figures(int[][] truth, double[][] p, int classes, boolean multiLabel) {
        Evaluation e;
        double loss = 0;
        if (multiLabel) {
            e = Evaluation.ofMultiLabel(truth, p, classes);
            for (int i = 0; i < truth.length; i++) {
                boolean[] isTrue = new boolean[classes];
                for (int t : truth[i]) {
                    isTrue[t] = true;
                }
                for (int c = 0; c < classes; c++) {
                    loss -= Math.log(Math.max(FLOOR, isTrue[c] ? p[i][c] : 1 - p[i][c])) / classes;
                }
            }
        } else {
            int[] t = new int[truth.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = truth[i][0];
                loss -= Math.log(Math.max(FLOOR, p[i][t[i]]));
            }
            e = Evaluation.of(t, Evaluation.argmax(p), classes);
        }
        double[] recall = new double[classes];
        for (int c = 0; c < classes; c++) {
            recall[c] = e.support(c) == 0 ? Double.NaN : e.recall(c);
        }
        return new Figures(e.accuracy(), e.macroF1(), loss / truth.length, recall);
    }

    /** Two-sided exact binomial test of b against c (each discordant item equally likely either way). */
    static double mcNemar(int b, int c) {
        int n = b + c;
        if (n == 0) {
            return 1.0;
        }
        int k = Math.min(b, c);
        // P(X <= k) for X ~ Binomial(n, 1/2), in logs so that n in the thousands does not underflow
        double tail = 0;
        List<Double> logs = new ArrayList<>();
        for (int i = 0; i <= k; i++) {
            logs.add(logChoose(n, i) - n * Math.log(2));
        }
        double max = logs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        for (double l : logs) {
            tail += Math.exp(l - max);
        }
        return Math.min(1.0, 2 * Math.exp(max) * tail);
    }

    private static double logChoose(int n, int k) {
        double sum = 0;
        for (int i = 1; i <= k; i++) {
            sum += Math.log(n - k + i) - Math.log(i);
        }
        return sum;
    }
}
