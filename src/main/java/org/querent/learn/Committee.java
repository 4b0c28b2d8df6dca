package org.querent.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.querent.common.QuerentException;

/**
 * A committee of heads for query by committee: each member is trained on a stratified bootstrap resample of the
 * labelled items, so the members agree where the labels leave no doubt and disagree where they do.
 *
 * <p>Stratified: each class's items are resampled with replacement within the class, so every class present in
 * the labels is present in every resample (a plain bootstrap can drop a rare class, and that member would then never
 * predict it: disagreement about nothing). Members are warm-started from the main head and capped at
 * {@value #MEMBER_MAX_ITERATIONS} L-BFGS iterations: a resample's optimum is near the main one, and the committee
 * only needs to be roughly right to disagree in the right places. Members are trained on one seeded random stream,
 * so the same labels, head and seed give the same committee.
 */
public final class Committee {

    /** Five members: vote entropy then takes 7 distinct values, enough to rank; more costs training time. */
    public static final int DEFAULT_SIZE = 5;
    static final int MEMBER_MAX_ITERATIONS = 50;

    private final List<Head> members;

    private Committee(List<Head> members) {
        this.members = List.copyOf(members);
    }

    /** A committee of {@link #DEFAULT_SIZE} members. */
    public static Committee train(TrainingData data, Head main, TrainSettings settings, long seed) {
        return train(data, main, settings, DEFAULT_SIZE, seed);
    }

    /**
     * @param data     the labelled items the main head was trained on
     * @param main     the main head, the warm start of every member (or null for a cold start)
     * @param settings objective of the main head; iterations are capped for members
     * @param size     number of members, at least 2
     * @param seed     seed of the resamples
     * @throws QuerentException USAGE with fewer than 2 members or no labels
     */
    public static Committee train(TrainingData data, Head main, TrainSettings settings, int size, long seed) {
        if (size < 2) {
            throw QuerentException.usage("a committee needs at least 2 members: received size=" + size);
        }
        if (data.size() == 0) {
            throw QuerentException.usage("a committee needs labelled items to resample: label some items first");
        }
        HeadTrainer trainer = new HeadTrainer();
        TrainSettings memberSettings = settings.withMaxIterations(Math.min(settings.maxIterations(),
                MEMBER_MAX_ITERATIONS));
        SplittableRandom random = new SplittableRandom(seed);
        int[][] strata = strata(data.primaryLabels());
        List<Head> heads = new ArrayList<>(size);
        for (int m = 0; m < size; m++) {
            int[] resample = stratifiedBootstrap(strata, data.size(), random);
            heads.add(trainer.train(data.subset(resample), main, memberSettings.withSeed(seed + m)).head());
        }
        return new Committee(heads);
    }

    /** The members' heads, in training order. */
    public List<Head> members() {
        return members;
    }

    public int size() {
        return members.size();
    }

    /** {@code [member][candidate][class]}: what {@code QueryContext.withCommittee} takes. */
    public double[][][] predict(float[][] candidates) {
        double[][][] out = new double[members.size()][][];
        for (int m = 0; m < out.length; m++) {
            out[m] = members.get(m).predict(candidates);
        }
        return out;
    }

    /** For each class (increasing order, so deterministic), its items draw as many items of it with replacement. */
    static int[] stratifiedBootstrap(int[][] strata, int total, SplittableRandom random) {
        int[] resample = new int[total];
        int next = 0;
        for (int[] members : strata) {
            for (int k = 0; k < members.length; k++) {
                resample[next++] = members[random.nextInt(members.length)];
            }
        }
        return resample;
    }

    private static int[][] strata(int[] labels) {
        TreeMap<Integer, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            byLabel.computeIfAbsent(labels[i], key -> new ArrayList<>()).add(i);
        }
        return byLabel.values().stream()
                .map(list -> list.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }
}
