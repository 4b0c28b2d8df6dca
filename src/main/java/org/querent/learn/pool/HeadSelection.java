package org.querent.learn.pool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.querent.common.Cancellation;
import org.querent.learn.CrossValidation;
import org.querent.learn.Evaluation;
import org.querent.learn.Splits;

/**
 * The {@code auto} head: each candidate is cross-validated on the labels (stratified folds; the held-out labels
 * become unlabelled pool rows, so a pool head is judged exactly as it will be used), and the supervised head is
 * kept unless another one wins a paired comparison on the same held-out items: with b items only the candidate gets
 * right and c only supervised gets right, it must have {@code b - c > }{@value #Z}{@code  sqrt(b + c)} (McNemar's
 * one-sided test at about 5%) and more than {@value #MIN_GAIN_ITEMS} item(s) ahead. Labels picked by an uncertainty
 * strategy are harder than the pool, so cross-validation on them is noisy and biased: a close call stays
 * supervised (on Fashion-MNIST a plain "more right" rule let auto fall 2 points below supervised). Re-decided at
 * every training, so the choice follows the labels as they grow.
 *
 * <p>Needs {@link CrossValidation#hasEnoughLabels} and single-label data; otherwise supervised, with the reason.
 */
public final class HeadSelection {

    /** Folds of the comparison. */
    public static final int FOLDS = 5;
    /** A pool head must beat supervised by more than this many held-out items: a tie is noise, and noise must not win. */
    static final int MIN_GAIN_ITEMS = 1;
    /** One-sided normal quantile of the paired test. */
    static final double Z = 1.645;

    private HeadSelection() {
    }

    /** The cross-validated figures of one candidate. */
    /**
     * @param onlyThis    held-out items this head gets right and supervised wrong (0 for supervised)
     * @param onlySupervised held-out items supervised gets right and this head wrong
     */
    public record Score(HeadKind kind, double accuracy, double macroF1, int correct, int onlyThis, int onlySupervised) {
        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("accuracy", accuracy);
            map.put("macroF1", macroF1);
            map.put("correct", correct);
            map.put("winsOverSupervised", onlyThis);
            map.put("lossesToSupervised", onlySupervised);
            return map;
        }

        /** Whether this head beats supervised in the paired test. */
        boolean significantlyBetter() {
            int gain = onlyThis - onlySupervised;
            return gain > MIN_GAIN_ITEMS && gain > Z * Math.sqrt(onlyThis + onlySupervised);
        }
    }

    /**
     * What auto chose and why.
     *
     * @param chosen the head to train
     * @param scores per candidate, supervised first (empty when there was nothing to compare on)
     * @param reason one line with the figures
     */
    public record Choice(HeadKind chosen, List<Score> scores, String reason) {
        /** JSON-ready provenance. */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("chosen", chosen.id());
            map.put("reason", reason);
            Map<String, Object> cv = new LinkedHashMap<>();
            for (Score s : scores) {
                cv.put(s.kind().id(), s.toMap());
            }
            map.put("folds", FOLDS);
            map.put("crossValidation", cv);
            return map;
        }
    }

    /** Candidates of auto: supervised first, then the pool heads. */
    public static final List<HeadKind> CANDIDATES = List.of(HeadKind.SUPERVISED, HeadKind.SPREADING,
            HeadKind.SELF_TRAINING);

    /**
     * @param learner  fits each candidate (its settings are the supervised head's)
     * @param seed     seed of the folds
     */
    public static Choice choose(PoolLearner learner, PoolData data, PoolGraph graph, List<HeadKind> candidates,
                                long seed, Cancellation cancellation) {
        if (data.multiLabel()) {
            return new Choice(HeadKind.SUPERVISED, List.of(), "multi-label project: the pool heads are single-label only");
        }
        if (!CrossValidation.hasEnoughLabels(data.labelled())) {
            return new Choice(HeadKind.SUPERVISED, List.of(), "too few labels to compare heads: need "
                    + CrossValidation.MIN_LABELS + " and " + CrossValidation.MIN_PER_CLASS + " per labelled class, have "
                    + data.labelledRows().length);
        }
        int[] truth = data.labelled().primaryLabels();
        int[] foldOf = Splits.stratifiedFolds(truth, FOLDS, seed);
        List<int[]> predictions = new ArrayList<>();
        for (HeadKind kind : candidates) {
            int[] predicted = new int[truth.length];
            for (int fold = 0; fold < FOLDS; fold++) {
                cancellation.throwIfCancelled();
                Splits.Split split = Splits.fold(foldOf, fold);
                if (split.test().length == 0) {
                    continue;
                }
                PoolData train = data.keepLabels(split.train());
                // cold start: a warm start from a head that saw the held-out fold would leak it
                PoolFit fit = learner.fit(kind, train, graph, null, cancellation);
                int[] heldRows = new int[split.test().length];
                for (int t = 0; t < heldRows.length; t++) {
                    heldRows[t] = data.labelledRows()[split.test()[t]];
                }
                int[] guess = Evaluation.argmax(fit.predictRows(data.x(), heldRows));
                for (int t = 0; t < heldRows.length; t++) {
                    predicted[split.test()[t]] = guess[t];
                }
            }
            predictions.add(predicted);
        }
        int supervisedAt = candidates.indexOf(HeadKind.SUPERVISED);
        if (supervisedAt < 0) {
            throw new IllegalArgumentException("auto compares against the supervised head: include it");
        }
        int[] reference = predictions.get(supervisedAt);
        List<Score> scores = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            int[] predicted = predictions.get(c);
            Evaluation e = Evaluation.of(truth, predicted, data.classes());
            int correct = 0;
            int onlyThis = 0;
            int onlySupervised = 0;
            for (int i = 0; i < truth.length; i++) {
                boolean right = truth[i] == predicted[i];
                boolean supervisedRight = truth[i] == reference[i];
                correct += right ? 1 : 0;
                onlyThis += right && !supervisedRight ? 1 : 0;
                onlySupervised += supervisedRight && !right ? 1 : 0;
            }
            scores.add(new Score(candidates.get(c), e.accuracy(), e.macroF1(), correct, onlyThis, onlySupervised));
        }
        Score supervised = scores.get(supervisedAt);
        Score best = supervised;
        for (Score s : scores) {
            if (s.correct() > best.correct() && s.significantlyBetter()) {
                best = s;
            }
        }
        String figures = String.join(", ", scores.stream().map(s -> String.format(Locale.ROOT, "%s %.3f",
                s.kind().id(), s.accuracy())).toList());
        String reason = best.kind() == HeadKind.SUPERVISED
                ? "supervised: no pool head validates better (" + FOLDS + "-fold accuracy " + figures + ")"
                : best.kind().id() + " validates best (" + FOLDS + "-fold accuracy " + figures + ")";
        return new Choice(best.kind(), List.copyOf(scores), reason);
    }
}
