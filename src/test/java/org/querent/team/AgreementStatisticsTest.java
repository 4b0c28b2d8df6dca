package org.querent.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Against published worked examples, so the figures are checked by someone else's arithmetic. */
class AgreementStatisticsTest {

    /** Cohen (Wikipedia "Cohen's kappa", simple example): 50 items, yes/yes 20, yes/no 5, no/yes 10, no/no 15. */
    @Test
    void cohensKappaMatchesTheTextbookExample() {
        Map<Integer, Map<String, String>> data = new LinkedHashMap<>();
        int item = 0;
        item = add(data, item, 20, "yes", "yes");
        item = add(data, item, 5, "yes", "no");
        item = add(data, item, 10, "no", "yes");
        add(data, item, 15, "no", "no");
        List<AgreementStatistics.PairKappa> pairs = AgreementStatistics.cohenPerPair(data);
        assertEquals(1, pairs.size());
        assertEquals(50, pairs.get(0).items());
        assertEquals(0.7, pairs.get(0).agreement(), 1e-12);
        assertEquals(0.4, pairs.get(0).kappa(), 1e-12);
        assertEquals(0.7, AgreementStatistics.percentAgreement(data), 1e-12);
    }

    private static int add(Map<Integer, Map<String, String>> data, int from, int n, String a, String b) {
        for (int i = 0; i < n; i++) {
            data.put(from + i, new TreeMap<>(Map.of("a", a, "b", b)));
        }
        return from + n;
    }

    /** Fleiss (1971) as in Wikipedia "Fleiss' kappa": 10 subjects, 14 raters, 5 categories; kappa 0.210. */
    @Test
    void fleissKappaMatchesThePublishedExample() {
        int[][] table = {
                {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
                {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
        Map<Integer, Map<String, String>> data = new LinkedHashMap<>();
        for (int s = 0; s < table.length; s++) {
            Map<String, String> unit = new TreeMap<>();
            int rater = 0;
            for (int c = 0; c < 5; c++) {
                for (int k = 0; k < table[s][c]; k++) {
                    unit.put("r" + rater++, "c" + c);
                }
            }
            data.put(s, unit);
        }
        assertEquals(0.20993, AgreementStatistics.fleiss(data), 1e-4);
    }

    /**
     * Krippendorff, "Computing Krippendorff's alpha-reliability" (2011), the nominal example: 4 observers, 12
     * units, missing values; alpha 0.743.
     */
    @Test
    void krippendorffsAlphaMatchesThePublishedExample() {
        String[][] observers = {
                {"1", "2", "3", "3", "2", "1", "4", "1", "2", null, null, null},
                {"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", null, "3"},
                {null, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", null},
                {"1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", null}};
        Map<Integer, Map<String, String>> data = new LinkedHashMap<>();
        for (int u = 0; u < 12; u++) {
            Map<String, String> unit = new TreeMap<>();
            for (int o = 0; o < 4; o++) {
                if (observers[o][u] != null) {
                    unit.put("o" + o, observers[o][u]);
                }
            }
            data.put(u, unit);
        }
        assertEquals(0.743, AgreementStatistics.krippendorffNominal(data), 5e-4);
    }

    @Test
    void itemsWithOneAnnotatorAndOneCategoryCarryNoAgreement() {
        Map<Integer, Map<String, String>> single = Map.of(1, Map.of("a", "x"), 2, Map.of("b", "y"));
        assertTrue(Double.isNaN(AgreementStatistics.percentAgreement(single)));
        assertTrue(Double.isNaN(AgreementStatistics.fleiss(single)));
        assertTrue(Double.isNaN(AgreementStatistics.krippendorffNominal(single)));
        Map<Integer, Map<String, String>> oneCategory = Map.of(1, Map.of("a", "x", "b", "x"));
        assertEquals(1.0, AgreementStatistics.percentAgreement(oneCategory));
        assertTrue(Double.isNaN(AgreementStatistics.cohenPerPair(oneCategory).get(0).kappa()));
    }

    @Test
    void oneVsRestTurnsMultiLabelAnswersIntoOneBinaryQuestionPerLabel() {
        Map<Integer, Map<String, List<String>>> multi = Map.of(
                1, Map.of("a", List.of("x", "y"), "b", List.of("x")),
                2, Map.of("a", List.of("y"), "b", List.of("y")));
        Map<Object, Map<String, String>> x = AgreementStatistics.oneVsRest(multi, "x");
        assertEquals(1.0, AgreementStatistics.percentAgreement(x));
        Map<Object, Map<String, String>> y = AgreementStatistics.oneVsRest(multi, "y");
        assertEquals(0.5, AgreementStatistics.percentAgreement(y));
    }
}
