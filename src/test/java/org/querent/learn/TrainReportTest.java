package org.querent.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TrainReportTest {

    @Test
    void reportCarriesSettingsDataShapeAndMetricsAsPlainValues() {
        SyntheticEmbeddings clusters = SyntheticEmbeddings.clusters(60, 8, 3, 0.2, 4);
        TrainingData data = clusters.data();
        TrainSettings settings = TrainSettings.defaults().withSeed(99);
        TrainResult result = new HeadTrainer().train(data, null, settings);
        Evaluation heldOut = CrossValidation.estimate(data, settings, 3, settings.seed());

        Map<String, Object> map = TrainReport.of(data, null, settings, result, heldOut).toMap();

        assertEquals("querent-lbfgs-logistic/2", map.get("trainer"));
        assertEquals("softmax", map.get("headKind"));
        assertEquals(99L, map.get("seed"));
        assertEquals(10.0, ((Map<?, ?>) map.get("settings")).get("c"));
        assertEquals(60, map.get("labelCount"));
        assertEquals(60, ((List<?>) map.get("labelsPerClass")).stream().mapToInt(o -> (Integer) o).sum());
        assertEquals(false, map.get("warmStarted"));
        assertEquals(result.iterations(), map.get("iterations"));
        assertEquals(heldOut.accuracy(), ((Map<?, ?>) map.get("heldOut")).get("accuracy"));
    }

    @Test
    void missingEstimateIsNull() {
        TrainingData data = SyntheticEmbeddings.clusters(10, 4, 2, 0.2, 4).data();
        TrainResult result = new HeadTrainer().train(data, null, TrainSettings.defaults());
        assertNull(TrainReport.of(data, result.head(), TrainSettings.defaults(), result, null).toMap().get("heldOut"));
        assertEquals(true, TrainReport.of(data, result.head(), TrainSettings.defaults(), result, null).warmStarted());
    }
}
