package org.querent.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.querent.common.QuerentException;

/**
 * Stratified, seeded ways to divide labelled items. The same labels and seed always give the same split; each
 * stratum is shuffled on its own, so every class keeps its share in each part.
 */
public final class Splits {

    /**
     * Item indices of a two-way split, each part in increasing order.
     *
     * @param train indices to fit on
     * @param test  indices held out
     */
    public record Split(int[] train, int[] test) {
    }

    private Splits() {
    }

    /**
     * Holds out about {@code fraction} of each class: {@code round(fraction * n_c)} items of class c, but never all
     * of a class, so every class with an example can still be learnt.
     *
     * @param labels   one stratum per item (any int, e.g. -1 for "no label")
     * @param fraction share to hold out, in (0, 1)
     * @param seed     shuffle seed
     */
    public static Split stratifiedHoldout(int[] labels, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw QuerentException.usage("held-out fraction must be between 0 and 1: received " + fraction);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int[] members : strata(labels).values()) {
            shuffle(members, random);
            int held = (int) Math.min(Math.round(fraction * members.length), members.length - 1L);
            for (int m = 0; m < members.length; m++) {
                (m < held ? test : train).add(members[m]);
            }
        }
        return new Split(sorted(train), sorted(test));
    }

    /**
     * Assigns each item to one of {@code folds} folds: every stratum is shuffled and dealt round-robin, continuing
     * where the previous stratum stopped, so fold sizes differ by at most one.
     *
     * @return the fold (0..folds-1) of each item
     */
    public static int[] stratifiedFolds(int[] labels, int folds, long seed) {
        if (folds < 2) {
            throw QuerentException.usage("cross-validation needs at least 2 folds: received " + folds);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] foldOf = new int[labels.length];
        int next = 0;
        for (int[] members : strata(labels).values()) {
            shuffle(members, random);
            for (int member : members) {
                foldOf[member] = next;
                next = (next + 1) % folds;
            }
        }
        return foldOf;
    }

    /** The train/test split for one fold of {@link #stratifiedFolds}. */
    public static Split fold(int[] foldOf, int fold) {
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < foldOf.length; i++) {
            (foldOf[i] == fold ? test : train).add(i);
        }
        return new Split(sorted(train), sorted(test));
    }

    /** Item indices per stratum, strata in increasing label order (a TreeMap, so iteration is deterministic). */
    private static TreeMap<Integer, int[]> strata(int[] labels) {
        TreeMap<Integer, List<Integer>> lists = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            lists.computeIfAbsent(labels[i], key -> new ArrayList<>()).add(i);
        }
        TreeMap<Integer, int[]> strata = new TreeMap<>();
        lists.forEach((label, members) -> strata.put(label, members.stream().mapToInt(Integer::intValue).toArray()));
        return strata;
    }

    /** Fisher-Yates. */
    static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    private static int[] sorted(List<Integer> values) {
        int[] array = values.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(array);
        return array;
    }
}
