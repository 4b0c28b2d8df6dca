package org.querent.learn;

import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints the time to train a 5-member committee on 400 labels x 384 dims x 6 classes (warm-started from the main
 * head) and to predict 3,000 candidates, next to training the main head. Run with
 * {@code mvn -o test -Pbenchmark -Dtest=CommitteeBenchmark}.
 */
@Tag("benchmark")
class CommitteeBenchmark {

    @Test
    void trainAndPredict() {
        SyntheticEmbeddings all = SyntheticEmbeddings.clusters(3_400, 384, 6, 0.5, 1.0, 8, 2024);
        TrainingData labelled = all.firstRows(400);
        float[][] pool = Arrays.copyOfRange(all.x, 400, 3_400);
        HeadTrainer trainer = new HeadTrainer();
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            Head main = trainer.train(labelled, null, TrainSettings.defaults()).head();
            long mainNanos = System.nanoTime() - start;
            start = System.nanoTime();
            Committee committee = Committee.train(labelled, main, TrainSettings.defaults(), run);
            long committeeNanos = System.nanoTime() - start;
            start = System.nanoTime();
            committee.predict(pool);
            long predictNanos = System.nanoTime() - start;
            System.out.printf(Locale.ROOT, "main head %.0f ms; committee of %d: train %.0f ms, predict 3000 %.0f ms%n",
                    mainNanos / 1e6, committee.size(), committeeNanos / 1e6, predictNanos / 1e6);
        }
    }
}
