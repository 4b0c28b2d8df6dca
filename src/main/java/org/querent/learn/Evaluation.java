package org.querent.learn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.querent.common.QuerentException;

/**
 * How well predictions match the truth.
 *
 * <p>Single-label: accuracy, a confusion matrix {@code [truth][predicted]}, per-class precision, recall and F1.
 * Multi-label (a label is predicted when its probability is at least {@value #THRESHOLD}): {@link #accuracy()} is
 * subset accuracy (the predicted label set equals the true one) and the confusion matrix is empty.
 *
 * <p>Macro-F1 averages F1 over the classes that occur in the truth or in the predictions, as scikit-learn's
 * {@code f1_score(average="macro")} does by default: a class nobody labelled and nothing predicted is not scored as
 * 0 (which would punish a young taxonomy), but a class that is predicted and never true counts, with F1 = 0.
 * Precision (recall) of a class never predicted (never true) is 0.
 */
public final class Evaluation {

    /** Probability at or above which a multi-label prediction counts as "label applies". */
    public static final double THRESHOLD = 0.5;

    private final boolean multiLabel;
    private final int size;
    private final double accuracy;
    private final double macroF1;
    private final double[] precision;
    private final double[] recall;
    private final double[] f1;
    private final int[] support;
    private final int[][] confusion;

    private Evaluation(boolean multiLabel, int size, double accuracy, int[] tp, int[] fp, int[] fn, int[][] confusion) {
        int classes = tp.length;
        this.multiLabel = multiLabel;
        this.size = size;
        this.accuracy = accuracy;
        this.confusion = confusion;
        this.precision = new double[classes];
        this.recall = new double[classes];
        this.f1 = new double[classes];
        this.support = new int[classes];
        double f1Sum = 0;
        int scored = 0;
        for (int c = 0; c < classes; c++) {
            support[c] = tp[c] + fn[c];
            precision[c] = ratio(tp[c], tp[c] + fp[c]);
            recall[c] = ratio(tp[c], tp[c] + fn[c]);
            f1[c] = ratio(2 * tp[c], 2 * tp[c] + fp[c] + fn[c]);
            if (tp[c] + fp[c] + fn[c] > 0) {
                f1Sum += f1[c];
                scored++;
            }
        }
        this.macroF1 = scored == 0 ? 0 : f1Sum / scored;
    }

    /**
     * Single-label evaluation.
     *
     * @param truth     true class per item
     * @param predicted predicted class per item
     * @param classes   number of classes
     */
    public static Evaluation of(int[] truth, int[] predicted, int classes) {
        if (truth.length != predicted.length) {
            throw QuerentException.usage("truth and predictions differ in length: truth.length=" + truth.length
                    + ", predicted.length=" + predicted.length);
        }
        int[][] confusion = new int[classes][classes];
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            checkClass(truth[i], classes, "truth", i);
            checkClass(predicted[i], classes, "predicted", i);
            confusion[truth[i]][predicted[i]]++;
            correct += truth[i] == predicted[i] ? 1 : 0;
        }
        int[] tp = new int[classes];
        int[] fp = new int[classes];
        int[] fn = new int[classes];
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                if (t == p) {
                    tp[t] += confusion[t][p];
                } else {
                    fn[t] += confusion[t][p];
                    fp[p] += confusion[t][p];
                }
            }
        }
        double accuracy = truth.length == 0 ? 0 : (double) correct / truth.length;
        return new Evaluation(false, truth.length, accuracy, tp, fp, fn, confusion);
    }

    /**
     * Multi-label evaluation with the {@value #THRESHOLD} threshold.
     *
     * @param truth         true label indices per item
     * @param probabilities predicted probability per item and label
     * @param classes       number of labels
     */
    public static Evaluation ofMultiLabel(int[][] truth, double[][] probabilities, int classes) {
        if (truth.length != probabilities.length) {
            throw QuerentException.usage("truth and predictions differ in length: truth.length=" + truth.length
                    + ", probabilities.length=" + probabilities.length);
        }
        int[] tp = new int[classes];
        int[] fp = new int[classes];
        int[] fn = new int[classes];
        int exact = 0;
        for (int i = 0; i < truth.length; i++) {
            if (probabilities[i].length != classes) {
                throw QuerentException.usage("probabilities[" + i + "].length=" + probabilities[i].length
                        + ", classes=" + classes);
            }
            boolean[] isTrue = new boolean[classes];
            for (int label : truth[i]) {
                checkClass(label, classes, "truth", i);
                isTrue[label] = true;
            }
            boolean same = true;
            for (int c = 0; c < classes; c++) {
                boolean isPredicted = probabilities[i][c] >= THRESHOLD;
                if (isTrue[c] && isPredicted) {
                    tp[c]++;
                } else if (isPredicted) {
                    fp[c]++;
                } else if (isTrue[c]) {
                    fn[c]++;
                }
                same &= isTrue[c] == isPredicted;
            }
            exact += same ? 1 : 0;
        }
        double subsetAccuracy = truth.length == 0 ? 0 : (double) exact / truth.length;
        return new Evaluation(true, truth.length, subsetAccuracy, tp, fp, fn, new int[0][0]);
    }

    /** Evaluates {@code head} on {@code data}: argmax for single-label, threshold for multi-label. */
    public static Evaluation of(Head head, TrainingData data) {
        double[][] probabilities = head.predict(data.x());
        if (data.multiLabel()) {
            return ofMultiLabel(data.labels(), probabilities, data.classes());
        }
        int[] truth = new int[data.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = data.labels()[i][0];
        }
        return of(truth, argmax(probabilities), data.classes());
    }

    /** The index of the largest value in each row (the first on ties). */
    public static int[] argmax(double[][] rows) {
        int[] best = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double[] row = rows[i];
            int arg = 0;
            for (int c = 1; c < row.length; c++) {
                if (row[c] > row[arg]) {
                    arg = c;
                }
            }
            best[i] = arg;
        }
        return best;
    }

    private static void checkClass(int value, int classes, String what, int i) {
        if (value < 0 || value >= classes) {
            throw QuerentException.usage(what + "[" + i + "]=" + value + " is outside 0.." + (classes - 1));
        }
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    public boolean multiLabel() {
        return multiLabel;
    }

    /** Number of items evaluated. */
    public int size() {
        return size;
    }

    public int classes() {
        return f1.length;
    }

    /** Single-label accuracy, or subset accuracy for multi-label. */
    public double accuracy() {
        return accuracy;
    }

    /** Mean F1 over classes present in truth or predictions (see the class comment). */
    public double macroF1() {
        return macroF1;
    }

    public double precision(int c) {
        return precision[c];
    }

    public double recall(int c) {
        return recall[c];
    }

    public double f1(int c) {
        return f1[c];
    }

    /** Number of items whose truth includes class c. */
    public int support(int c) {
        return support[c];
    }

    /** A copy of {@code [truth][predicted]} counts; empty for multi-label. */
    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int t = 0; t < confusion.length; t++) {
            copy[t] = confusion[t].clone();
        }
        return copy;
    }

    /** JSON-ready values (numbers, lists, maps) for provenance and reports. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("multiLabel", multiLabel);
        map.put("size", size);
        map.put(multiLabel ? "subsetAccuracy" : "accuracy", accuracy);
        map.put("macroF1", macroF1);
        map.put("precision", toList(precision));
        map.put("recall", toList(recall));
        map.put("f1", toList(f1));
        List<Integer> supportList = new ArrayList<>();
        for (int s : support) {
            supportList.add(s);
        }
        map.put("support", supportList);
        if (!multiLabel) {
            List<List<Integer>> rows = new ArrayList<>();
            for (int[] row : confusion) {
                List<Integer> list = new ArrayList<>();
                for (int v : row) {
                    list.add(v);
                }
                rows.add(list);
            }
            map.put("confusion", rows);
        }
        return map;
    }

    private static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Evaluation[%s=%.4f, macroF1=%.4f, size=%d]",
                multiLabel ? "subsetAccuracy" : "accuracy", accuracy, macroF1, size);
    }
}
