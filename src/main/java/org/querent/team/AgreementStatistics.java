package org.querent.team;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Inter-annotator agreement on nominal labels, as pure functions of "item -> annotator -> category". Items with
 * fewer than two annotators carry no information about agreement and are left out. NaN where a statistic is
 * undefined (no item labelled by two people; all labels one category, so chance agreement is 1).
 */
public final class AgreementStatistics {
    private AgreementStatistics() {
    }

    /** Cohen's kappa between two annotators on the items both labelled. */
    public record PairKappa(String first, String second, int items, double agreement, double kappa) {
    }

    /** Mean over items (with two or more annotators) of the share of annotator pairs that agree. */
    public static double percentAgreement(Map<?, Map<String, String>> data) {
        double sum = 0;
        int units = 0;
        for (Map<String, String> unit : data.values()) {
            double share = itemAgreement(unit);
            if (!Double.isNaN(share)) {
                sum += share;
                units++;
            }
        }
        return units == 0 ? Double.NaN : sum / units;
    }

    /** One item's share of annotator pairs that agree (1 when all agree); NaN with fewer than two annotators. */
    public static double itemAgreement(Map<String, String> unit) {
        int m = unit.size();
        if (m < 2) {
            return Double.NaN;
        }
        long agreeing = 0;
        for (int n : counts(unit).values()) {
            agreeing += (long) n * (n - 1);
        }
        return agreeing / (double) ((long) m * (m - 1));
    }

    /** Cohen's kappa for every pair of annotators with at least one item in common, by name. */
    public static List<PairKappa> cohenPerPair(Map<?, Map<String, String>> data) {
        TreeSet<String> annotators = new TreeSet<>();
        data.values().forEach(u -> annotators.addAll(u.keySet()));
        List<String> names = new ArrayList<>(annotators);
        List<PairKappa> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                String a = names.get(i);
                String b = names.get(j);
                Map<String, Integer> ca = new HashMap<>();
                Map<String, Integer> cb = new HashMap<>();
                int n = 0;
                int agree = 0;
                for (Map<String, String> unit : data.values()) {
                    String la = unit.get(a);
                    String lb = unit.get(b);
                    if (la == null || lb == null) {
                        continue;
                    }
                    n++;
                    agree += la.equals(lb) ? 1 : 0;
                    ca.merge(la, 1, Integer::sum);
                    cb.merge(lb, 1, Integer::sum);
                }
                if (n == 0) {
                    continue;
                }
                double po = agree / (double) n;
                double pe = 0;
                for (Map.Entry<String, Integer> e : ca.entrySet()) {
                    pe += (e.getValue() / (double) n) * (cb.getOrDefault(e.getKey(), 0) / (double) n);
                }
                out.add(new PairKappa(a, b, n, po, kappa(po, pe)));
            }
        }
        return out;
    }

    /**
     * Fleiss' kappa over items with two or more annotators (the usual extension to a varying number of
     * annotators per item: each item's agreement over its own pairs, categories weighted by all ratings).
     */
    public static double fleiss(Map<?, Map<String, String>> data) {
        // Fleiss' observed agreement is the mean per-item pair agreement: percentAgreement over the same items.
        double observed = percentAgreement(data);
        if (Double.isNaN(observed)) {
            return Double.NaN;
        }
        Map<String, Integer> totals = new HashMap<>();
        long ratings = 0;
        for (Map<String, String> unit : data.values()) {
            if (unit.size() >= 2) {
                counts(unit).forEach((label, n) -> totals.merge(label, n, Integer::sum));
                ratings += unit.size();
            }
        }
        double pe = 0;
        for (int t : totals.values()) {
            double p = t / (double) ratings;
            pe += p * p;
        }
        return kappa(observed, pe);
    }

    /** Krippendorff's alpha for nominal data, from the coincidence matrix of items with two or more labels. */
    public static double krippendorffNominal(Map<?, Map<String, String>> data) {
        Map<String, Double> nc = new HashMap<>();
        double observedDisagreement = 0;
        for (Map<String, String> unit : data.values()) {
            int m = unit.size();
            if (m < 2) {
                continue;
            }
            Map<String, Integer> counts = counts(unit);
            for (Map.Entry<String, Integer> c : counts.entrySet()) {
                nc.merge(c.getKey(), (double) c.getValue(), Double::sum);
                for (Map.Entry<String, Integer> k : counts.entrySet()) {
                    if (!c.getKey().equals(k.getKey())) {
                        observedDisagreement += c.getValue() * (double) k.getValue() / (m - 1);
                    }
                }
            }
        }
        double n = nc.values().stream().mapToDouble(Double::doubleValue).sum();
        if (n < 2) {
            return Double.NaN;
        }
        double expected = 0;
        for (Map.Entry<String, Double> c : nc.entrySet()) {
            for (Map.Entry<String, Double> k : nc.entrySet()) {
                if (!c.getKey().equals(k.getKey())) {
                    expected += c.getValue() * k.getValue();
                }
            }
        }
        return expected == 0 ? Double.NaN : 1 - (n - 1) * observedDisagreement / expected;
    }

    /** One label against the rest ("L" or "not L"), for per-label figures and multi-label projects. */
    public static Map<Object, Map<String, String>> oneVsRest(Map<?, Map<String, List<String>>> data, String label) {
        Map<Object, Map<String, String>> out = new LinkedHashMap<>();
        data.forEach((item, unit) -> {
            Map<String, String> binary = new TreeMap<>();
            unit.forEach((annotator, labels) -> binary.put(annotator, labels.contains(label) ? label : "not " + label));
            out.put(item, binary);
        });
        return out;
    }

    private static Map<String, Integer> counts(Map<String, String> unit) {
        Map<String, Integer> counts = new HashMap<>();
        unit.values().forEach(l -> counts.merge(l, 1, Integer::sum));
        return counts;
    }

    private static double kappa(double observed, double chance) {
        if (chance >= 1) {
            return Double.NaN; // one category only: agreement cannot be told from chance
        }
        return (observed - chance) / (1 - chance);
    }
}
