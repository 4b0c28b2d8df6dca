package org.querent.learn;

import org.querent.common.QuerentException;

/**
 * Temperature scaling (Guo et al. 2017): one number T divides every logit, {@code p = softmax(z / T)}, chosen to
 * minimise the negative log-likelihood of held-out labels. T > 1 softens an over-confident head, T < 1 sharpens an
 * under-confident one; the argmax, hence accuracy, never changes. A single-label (softmax) calibration.
 *
 * <p>The fit is a golden-section search on {@code log T} over [1/4, 4], of the held-out NLL plus a Gaussian prior on
 * {@code log T} centred on 0 (T = 1, standard deviation {@value #PRIOR_SD}): the NLL is convex in {@code 1/T} (a
 * log-sum-exp of linear functions), hence unimodal in {@code log T}, and one parameter needs no gradient. The range and
 * the prior keep a few held-out labels from pushing T to an extreme: a quarter of a few dozen labels that the head
 * gets all right has its NLL falling all the way to T = 0, and the old floor of 0.01 turned every probability into
 * 1.0 and every uncertainty score into 0 (issue 9). Factor 4 either way covers what Guo et al. report for real
 * networks (T of about 1.1 to 3); the prior weighs as much as about two held-out items at T = e^{+-1}.
 *
 * <p>{@link #unsupportedReason} says when the held-out labels cannot support a temperature at all (too few, or none
 * wrong): the caller then leaves T at 1.
 *
 * <p>Inputs may be logits (from {@link Head#logits}) or probabilities. A probability row (all entries in [0, 1],
 * summing to 1 within 1e-6) is turned into {@code log p}, which equals the logits up to a per-row constant that
 * softmax ignores: exact except where a probability has rounded to 0.
 */
public final class TemperatureScaling {

    static final double MIN_LOG_T = Math.log(0.25);
    static final double MAX_LOG_T = Math.log(4);
    /** Standard deviation of the prior on {@code ln T}. */
    static final double PRIOR_SD = 0.5;
    /** Fewer held-out labels than this estimate a temperature too noisily to use. */
    public static final int MIN_ITEMS = 10;
    private static final double LOG_TOLERANCE = 1e-6;
    private static final double FLOOR = 1e-300;

    private final double temperature;

    private TemperatureScaling(double temperature) {
        this.temperature = temperature;
    }

    /** A scaling with a given temperature (1 leaves predictions as they are). */
    public static TemperatureScaling of(double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw QuerentException.usage("temperature must be a positive number: received " + temperature);
        }
        return new TemperatureScaling(temperature);
    }

    /**
     * Fits T on held-out predictions and their true classes.
     *
     * @param logitsOrProbs one row per held-out item
     * @param truth         its true class index
     * @throws QuerentException USAGE for empty or mismatched inputs
     */
    public static TemperatureScaling fit(double[][] logitsOrProbs, int[] truth) {
        double[][] logits = toLogits(logitsOrProbs);
        check(logits, truth);
        double golden = (Math.sqrt(5) - 1) / 2;
        double a = MIN_LOG_T;
        double b = MAX_LOG_T;
        double c = b - golden * (b - a);
        double d = a + golden * (b - a);
        double fc = penalised(logits, truth, c);
        double fd = penalised(logits, truth, d);
        while (b - a > LOG_TOLERANCE) {
            if (fc <= fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - golden * (b - a);
                fc = penalised(logits, truth, c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + golden * (b - a);
                fd = penalised(logits, truth, d);
            }
        }
        return new TemperatureScaling(Math.exp((a + b) / 2));
    }

    /** Summed NLL at {@code T = e^logT} plus the prior's {@code (ln T)^2 / (2 sd^2)}. */
    private static double penalised(double[][] logits, int[] truth, double logT) {
        return logits.length * negativeLogLikelihood(logits, truth, Math.exp(logT))
                + logT * logT / (2 * PRIOR_SD * PRIOR_SD);
    }

    /**
     * Why these held-out predictions cannot support a temperature, or null when they can: fewer than
     * {@value #MIN_ITEMS} items, or none predicted wrong (perfectly separated: the likelihood then keeps rising as T
     * falls to 0, so the data say nothing about T but "smaller").
     */
    public static String unsupportedReason(double[][] logitsOrProbs, int[] truth) {
        if (logitsOrProbs.length < MIN_ITEMS) {
            return "too few held-out labels (" + logitsOrProbs.length + ", need " + MIN_ITEMS + ")";
        }
        for (int i = 0; i < logitsOrProbs.length; i++) {
            double[] row = logitsOrProbs[i];
            int best = 0;
            for (int c = 1; c < row.length; c++) {
                if (row[c] > row[best]) {
                    best = c;
                }
            }
            if (best != truth[i]) {
                return null;
            }
        }
        return "held-out labels perfectly separated (all " + logitsOrProbs.length + " right)";
    }

    public double temperature() {
        return temperature;
    }

    /** Calibrated probabilities {@code softmax(z / T)} for logits or probabilities (see the class comment). */
    public double[][] apply(double[][] logitsOrProbs) {
        double[][] logits = toLogits(logitsOrProbs);
        double[][] out = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            out[i] = new double[logits[i].length];
            for (int c = 0; c < out[i].length; c++) {
                out[i][c] = logits[i][c] / temperature;
            }
            SoftmaxHead.softmaxInPlace(out[i]);
        }
        return out;
    }

    /** Mean {@code -log softmax(z / T)[truth]} over the rows. */
    public static double negativeLogLikelihood(double[][] logits, int[] truth, double temperature) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double z : logits[i]) {
                max = Math.max(max, z / temperature);
            }
            double exp = 0;
            for (double z : logits[i]) {
                exp += Math.exp(z / temperature - max);
            }
            sum += max + Math.log(exp) - logits[i][truth[i]] / temperature;
        }
        return sum / logits.length;
    }

    /** Logits as they are; probability rows as {@code log p} (floored so a 0 stays finite). */
    static double[][] toLogits(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
            if (isProbabilityRow(rows[i])) {
                for (int c = 0; c < out[i].length; c++) {
                    out[i][c] = Math.log(Math.max(FLOOR, out[i][c]));
                }
            }
        }
        return out;
    }

    static boolean isProbabilityRow(double[] row) {
        double sum = 0;
        for (double v : row) {
            if (!(v >= 0 && v <= 1)) {
                return false;
            }
            sum += v;
        }
        return Math.abs(sum - 1) <= 1e-6;
    }

    private static void check(double[][] logits, int[] truth) {
        if (logits.length == 0 || logits.length != truth.length) {
            throw QuerentException.usage("temperature scaling needs one true class per prediction, at least one: "
                    + "received predictions.length=" + logits.length + ", truth.length=" + truth.length);
        }
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= logits[i].length) {
                throw QuerentException.usage("truth[" + i + "]=" + truth[i] + " is outside 0.." + (logits[i].length - 1));
            }
        }
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "TemperatureScaling[T=%.4f]", temperature);
    }
}
