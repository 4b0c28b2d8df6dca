package org.querent.learn;

import org.querent.common.Cancellation;
import org.querent.common.QuerentException;

/**
 * An honest estimate of how well a head trained on all current labels would do on new items: stratified k-fold,
 * with the out-of-fold predictions of every item pooled into one {@link Evaluation} (as scikit-learn's
 * {@code cross_val_predict} followed by one score). Pooling gives a stable figure even when folds are small.
 *
 * <p>{@link #holdout} is the cheaper alternative (one training instead of k) for large label sets.
 *
 * <p>Each fold is trained from a cold start: a warm start from a head that had seen the held-out fold would leak
 * it whenever the optimiser stops short of the optimum.
 */
public final class CrossValidation {

    /** Fewer labels than this give an estimate too noisy to show. */
    public static final int MIN_LABELS = 30;
    /** Every class with labels needs this many, so that it can be in a training and a held-out part. */
    public static final int MIN_PER_CLASS = 2;

    private CrossValidation() {
    }

    /** Whether {@link #estimate} will accept the data: at least 30 labels and at least 2 per labelled class. */
    public static boolean hasEnoughLabels(TrainingData data) {
        if (data.size() < MIN_LABELS) {
            return false;
        }
        for (int count : data.countsPerClass()) {
            if (count > 0 && count < MIN_PER_CLASS) {
                return false;
            }
        }
        return true;
    }

    /** As {@link #estimate(TrainingData, TrainSettings, int, long, Cancellation)} without cancellation. */
    public static Evaluation estimate(TrainingData data, TrainSettings settings, int folds, long seed) {
        return estimate(data, settings, folds, seed, Cancellation.none());
    }

    /**
     * @param folds number of folds, at least 2 (5 is a good default)
     * @param seed  seed of the stratified fold assignment
     * @throws QuerentException USAGE when {@link #hasEnoughLabels} is false
     */
    public static Evaluation estimate(TrainingData data, TrainSettings settings, int folds, long seed,
                                      Cancellation cancellation) {
        if (!hasEnoughLabels(data)) {
            throw QuerentException.usage("too few labels for a held-out estimate: need at least " + MIN_LABELS
                    + " labels and " + MIN_PER_CLASS + " per labelled class, have " + data.size() + " labels");
        }
        int[] foldOf = Splits.stratifiedFolds(data.primaryLabels(), folds, seed);
        double[][] outOfFold = new double[data.size()][];
        HeadTrainer trainer = new HeadTrainer();
        for (int fold = 0; fold < folds; fold++) {
            cancellation.throwIfCancelled();
            Splits.Split split = Splits.fold(foldOf, fold);
            if (split.test().length == 0) {
                continue;
            }
            Head head = trainer.train(data.subset(split.train()), null, settings, cancellation).head();
            double[][] predicted = head.predict(data.subset(split.test()).x());
            for (int t = 0; t < split.test().length; t++) {
                outOfFold[split.test()[t]] = predicted[t];
            }
        }
        if (data.multiLabel()) {
            return Evaluation.ofMultiLabel(data.labels(), outOfFold, data.classes());
        }
        return Evaluation.of(data.primaryLabels(), Evaluation.argmax(outOfFold), data.classes());
    }

    /**
     * One stratified held-out estimate: trains on the rest, evaluates on about {@code fraction} of each class.
     * k times cheaper than {@link #estimate}, and noisier: fine once there are several hundred labels.
     *
     * @param fraction share held out, e.g. 0.2
     * @throws QuerentException USAGE when {@link #hasEnoughLabels} is false
     */
    public static Evaluation holdout(TrainingData data, TrainSettings settings, double fraction, long seed) {
        if (!hasEnoughLabels(data)) {
            throw QuerentException.usage("too few labels for a held-out estimate: need at least " + MIN_LABELS
                    + " labels and " + MIN_PER_CLASS + " per labelled class, have " + data.size() + " labels");
        }
        Splits.Split split = Splits.stratifiedHoldout(data.primaryLabels(), fraction, seed);
        Head head = new HeadTrainer().train(data.subset(split.train()), null, settings).head();
        return Evaluation.of(head, data.subset(split.test()));
    }
}
