package org.querent.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Three Gaussian classes in 8 dimensions, items in class folders c0, c1, c2: easy to learn, quick to simulate. */
public final class SyntheticDataset {
    private SyntheticDataset() {
    }

    public static LabelledDataset of(int perClass, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int classes = 3;
        int dimension = 8;
        float[][] x = new float[perClass * classes][dimension];
        int[] truth = new int[x.length];
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            int c = i % classes;
            truth[i] = c;
            for (int j = 0; j < dimension; j++) {
                x[i][j] = (float) ((j == c ? 3.0 : 0) + gaussian(random));
            }
            paths.add("c" + c + "/item-" + i + ".txt");
        }
        return new LabelledDataset(paths, x, truth, List.of("a", "b", "c"));
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
