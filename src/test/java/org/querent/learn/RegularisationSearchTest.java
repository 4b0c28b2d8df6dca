package org.querent.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.querent.common.Cancellation;

/** C is chosen by cross-validation: strong regularisation for noisy labels, weak for clean ones; cheap to keep. */
class RegularisationSearchTest {

    @Test
    void noisyLabelsGetASmallCAndCleanOnesALargeOne() {
        SyntheticEmbeddings clean = SyntheticEmbeddings.clusters(600, 64, 4, 0.12, 3);
        RegularisationSearch.Choice onClean = RegularisationSearch.choose(clean.data(), TrainSettings.defaults(), 10, 1,
                Cancellation.none());
        System.out.println("clean: " + onClean.how());
        assertTrue(onClean.c() >= 10, onClean.how());

        // the same clusters, closer together, with a third of the labels replaced at random
        SyntheticEmbeddings overlap = SyntheticEmbeddings.clusters(600, 64, 4, 0.5, 3);
        int[] noisy = overlap.labels.clone();
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < noisy.length; i++) {
            if (random.nextDouble() < 0.33) {
                noisy[i] = random.nextInt(4);
            }
        }
        RegularisationSearch.Choice onNoisy = RegularisationSearch.choose(
                TrainingData.singleLabel(overlap.x, noisy, 4), TrainSettings.defaults(), 10, 1, Cancellation.none());
        System.out.println("noisy: " + onNoisy.how());
        assertTrue(onNoisy.c() <= 1, onNoisy.how());
        assertTrue(onNoisy.searched());
        assertTrue(onNoisy.how().startsWith("C=" + RegularisationSearch.format(onNoisy.c())
                + " by 3-fold cross-validation on 600 labels (accuracy 0.1: "), onNoisy.how());
    }

    @Test
    void tooFewLabelsKeepTheDefaultAndSaySo() {
        SyntheticEmbeddings clusters = SyntheticEmbeddings.clusters(100, 16, 3, 0.2, 1);
        RegularisationSearch.Choice choice = RegularisationSearch.choose(clusters.firstRows(20), TrainSettings.defaults(),
                10, 1, Cancellation.none());
        assertEquals(10, choice.c());
        assertFalse(choice.searched());
        assertEquals("C=10 by default (20 labels: too few to cross-validate)", choice.how());
        assertTrue(RegularisationSearch.isDue(choice, clusters.firstRows(30)), "can cross-validate now");
        assertFalse(RegularisationSearch.isDue(choice, clusters.firstRows(25)));
    }

    @Test
    void searchedAgainOnlyWhenTheLabelsGrewByAQuarterAndReadBackFromProvenance() {
        SyntheticEmbeddings clusters = SyntheticEmbeddings.clusters(300, 16, 3, 0.2, 1);
        RegularisationSearch.Choice choice = RegularisationSearch.choose(clusters.firstRows(100),
                TrainSettings.defaults(), 10, 1, Cancellation.none());
        assertFalse(RegularisationSearch.isDue(choice, clusters.firstRows(124)));
        assertTrue(RegularisationSearch.isDue(choice, clusters.firstRows(125)));
        assertTrue(RegularisationSearch.isDue(choice, clusters.firstRows(90)), "labels taken back");
        assertTrue(RegularisationSearch.isDue(null, clusters.firstRows(30)));

        Map<String, Object> stored = choice.toMap();
        RegularisationSearch.Choice read = RegularisationSearch.Choice.fromMap(stored);
        assertEquals(choice.c(), read.c());
        assertEquals(100, read.labels());
        assertTrue(read.searched());
        assertFalse(RegularisationSearch.isDue(read, clusters.firstRows(110)));
        RegularisationSearch.Choice kept = read.keptFor(110);
        assertTrue(kept.how().endsWith("; kept at 110 labels (searched again from 125)"), kept.how());
        assertEquals(kept.how(), kept.keptFor(110).how(), "kept twice reads the same");
        assertEquals(4, ((java.util.List<?>) stored.get("grid")).size());
    }
}
