package org.querent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateSelectionTest {

    private static CandidateSelection.Scored<String> item(String key, double margin, float... vector) {
        return new CandidateSelection.Scored<>(key, key, margin, vector);
    }

    @Test
    void marginIsTopMinusRunnerUpOrTheSigmoidNearestHalf() {
        assertEquals(0.1, CandidateSelection.margin(new float[] {0.45f, 0.1f, 0.35f}, false), 1e-6);
        assertEquals(0.2, CandidateSelection.margin(new float[] {0.9f, 0.4f, 0.05f}, true), 1e-6);
        assertEquals(1.0, CandidateSelection.margin(new float[] {1f, 0f}, false), 1e-6);
    }

    @Test
    void mostUncertainKeepsTheSmallestMarginsInOrderWithTiesByKey() {
        List<CandidateSelection.Scored<String>> all = List.of(item("d", 0.9, 0f), item("b", 0.1, 0f),
                item("a", 0.1, 0f), item("c", 0.5, 0f), item("e", 0.05, 0f));
        assertEquals(List.of("e", "a", "b"), CandidateSelection.mostUncertain(all.iterator(), 3).stream()
                .map(CandidateSelection.Scored::key).toList());
    }

    @Test
    void kCenterStartsAtTheMostUncertainAndThenTakesTheFarthest() {
        // two tight clusters and an outlier: three picks cover the three places, not three of one cluster
        List<CandidateSelection.Scored<String>> pool = List.of(item("a1", 0.01, 0f, 0f), item("a2", 0.02, 0.1f, 0f),
                item("a3", 0.03, 0f, 0.1f), item("b1", 0.2, 5f, 5f), item("b2", 0.3, 4.9f, 5f),
                item("far", 0.9, -9f, 9f));
        assertEquals(List.of("a1", "far", "b1"), CandidateSelection.diverse(pool, 3).stream()
                .map(CandidateSelection.Scored::key).toList());
        assertEquals(6, CandidateSelection.diverse(pool, 10).size(), "never more than the pool");
        assertEquals(List.of(), CandidateSelection.diverse(List.of(), 3));
    }
}
