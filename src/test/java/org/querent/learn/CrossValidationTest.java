package org.querent.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;

class CrossValidationTest {

    @Test
    void needsThirtyLabelsAndTwoPerLabelledClass() {
        SyntheticEmbeddings clusters = SyntheticEmbeddings.clusters(200, 8, 3, 0.2, 1);
        assertFalse(CrossValidation.hasEnoughLabels(clusters.firstRows(29)));
        assertTrue(CrossValidation.hasEnoughLabels(clusters.firstRows(30)));

        int[] labels = new int[40];
        labels[0] = 1; // a single item of class 1
        TrainingData oneLonely = TrainingData.singleLabel(clusters.firstRows(40).x(), labels, 3);
        assertFalse(CrossValidation.hasEnoughLabels(oneLonely));
        QuerentException e = assertThrows(QuerentException.class,
                () -> CrossValidation.estimate(oneLonely, TrainSettings.defaults(), 5, 1));
        assertEquals(ErrorKind.USAGE, e.kind());
    }

    @Test
    void estimatesEveryItemOnceOutOfFold() {
        SyntheticEmbeddings clusters = SyntheticEmbeddings.clusters(600, 32, 4, 0.25, 2);
        Evaluation estimate = CrossValidation.estimate(clusters.data(), TrainSettings.defaults(), 5, 7);
        assertEquals(600, estimate.size());
        assertTrue(estimate.accuracy() > 0.9, estimate.toString());
        assertEquals(estimate.accuracy(),
                CrossValidation.estimate(clusters.data(), TrainSettings.defaults(), 5, 7).accuracy(), "deterministic");
    }

    @Test
    void worksForMultiLabelData() {
        SyntheticEmbeddings clusters = SyntheticEmbeddings.clusters(200, 16, 3, 0.2, 3);
        int[][] labels = new int[200][];
        for (int i = 0; i < 200; i++) {
            labels[i] = clusters.labels[i] == 2 ? new int[] {0, 1} : new int[] {clusters.labels[i]};
        }
        TrainingData data = new TrainingData(clusters.x, labels, 2, true);
        Evaluation estimate = CrossValidation.estimate(data, TrainSettings.defaults(), 4, 1);
        assertTrue(estimate.multiLabel());
        assertTrue(estimate.accuracy() > 0.8, estimate.toString());
    }

    @Test
    void holdoutEvaluatesAboutAFifthOfEachClass() {
        SyntheticEmbeddings clusters = SyntheticEmbeddings.clusters(500, 32, 4, 0.25, 2);
        Evaluation estimate = CrossValidation.holdout(clusters.data(), TrainSettings.defaults(), 0.2, 3);
        assertEquals(100, estimate.size(), 2);
        assertTrue(estimate.accuracy() > 0.9, estimate.toString());
    }
}
