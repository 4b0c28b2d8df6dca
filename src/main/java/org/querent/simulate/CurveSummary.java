package org.querent.simulate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-strategy figures of a simulation: mean curve over seeds, area under it, and the label-efficiency
 * ratio "labels needed to reach random's mean accuracy at the budget, divided by the budget".
 */
public final class CurveSummary {

    /** Mean accuracy and macro-F1 over seeds at one label count, with the min and max accuracy. */
    public record MeanPoint(int labels, double accuracy, double minAccuracy, double maxAccuracy, double macroF1) {
    }

    /**
     * @param ratio labels to reach the reference accuracy / budget; NaN when never reached
     * @param aulc  area under the mean accuracy curve, normalised to the label range (a mean accuracy)
     */
    public record StrategySummary(String strategy, List<MeanPoint> curve, double finalAccuracy, double finalMacroF1,
                                 double aulc, Integer labelsToReference, double ratio) {
    }

    private CurveSummary() {
    }

    /** Mean curve per strategy, in the order strategies first appear. */
    public static Map<String, List<MeanPoint>> meanCurves(List<CurvePoint> points) {
        Map<String, TreeMap<Integer, List<CurvePoint>>> grouped = new LinkedHashMap<>();
        for (CurvePoint p : points) {
            grouped.computeIfAbsent(p.strategy(), k -> new TreeMap<>()).computeIfAbsent(p.labels(), k -> new ArrayList<>()).add(p);
        }
        Map<String, List<MeanPoint>> out = new LinkedHashMap<>();
        grouped.forEach((strategy, byLabels) -> {
            List<MeanPoint> curve = new ArrayList<>();
            byLabels.forEach((labels, ps) -> {
                double acc = ps.stream().mapToDouble(CurvePoint::accuracy).average().orElse(Double.NaN);
                double min = ps.stream().mapToDouble(CurvePoint::accuracy).min().orElse(Double.NaN);
                double max = ps.stream().mapToDouble(CurvePoint::accuracy).max().orElse(Double.NaN);
                double f1 = ps.stream().mapToDouble(CurvePoint::macroF1).average().orElse(Double.NaN);
                curve.add(new MeanPoint(labels, acc, min, max, f1));
            });
            out.put(strategy, curve);
        });
        return out;
    }

    /**
     * Summarises every strategy against a reference accuracy: random's mean final accuracy when random was
     * run, else the given fallback.
     */
    public static List<StrategySummary> summarise(List<CurvePoint> points, int budget) {
        Map<String, List<MeanPoint>> curves = meanCurves(points);
        List<MeanPoint> random = curves.get("random");
        double reference = random == null ? Double.NaN : random.get(random.size() - 1).accuracy();
        List<StrategySummary> out = new ArrayList<>();
        curves.forEach((strategy, curve) -> {
            MeanPoint last = curve.get(curve.size() - 1);
            Integer reach = null;
            if (!Double.isNaN(reference)) {
                for (MeanPoint p : curve) {
                    if (p.accuracy() >= reference - 1e-12) {
                        reach = p.labels();
                        break;
                    }
                }
            }
            double ratio = reach == null ? Double.NaN : reach / (double) budget;
            out.add(new StrategySummary(strategy, curve, last.accuracy(), last.macroF1(), aulc(curve), reach, ratio));
        });
        return out;
    }

    /** Trapezoid area under the mean accuracy curve divided by its label range. */
    static double aulc(List<MeanPoint> curve) {
        if (curve.size() == 1) {
            return curve.get(0).accuracy();
        }
        double area = 0;
        for (int i = 1; i < curve.size(); i++) {
            MeanPoint a = curve.get(i - 1);
            MeanPoint b = curve.get(i);
            area += (b.labels() - a.labels()) * (a.accuracy() + b.accuracy()) / 2;
        }
        return area / (curve.get(curve.size() - 1).labels() - curve.get(0).labels());
    }

    /** The summary table as printed by simulate and pasted in the README. */
    public static String table(List<StrategySummary> summaries, int budget) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%-18s %10s %10s %8s %16s %8s%n", "strategy", "acc@" + budget, "F1@" + budget, "AULC",
                "labels->random", "ratio"));
        for (StrategySummary x : summaries) {
            s.append(String.format("%-18s %10.3f %10.3f %8.3f %16s %8s%n", x.strategy(), x.finalAccuracy(),
                    x.finalMacroF1(), x.aulc(), x.labelsToReference() == null ? "not reached" : x.labelsToReference().toString(),
                    Double.isNaN(x.ratio()) ? "-" : String.format("%.2f", x.ratio())));
        }
        return s.toString();
    }

    /**
     * Mean accuracy (min-max over seeds) at the first {@code rounds} label counts of each strategy, to compare cold
     * starts: the first point is the initial labels alone.
     */
    public static String coldStartTable(Map<String, List<MeanPoint>> curves, int rounds) {
        StringBuilder s = new StringBuilder("accuracy in the first rounds (mean, min-max over seeds)\n");
        s.append(String.format("%-18s", "strategy"));
        List<MeanPoint> any = curves.values().iterator().next();
        for (int i = 0; i < Math.min(rounds, any.size()); i++) {
            s.append(String.format(" %20s", "@" + any.get(i).labels()));
        }
        s.append(System.lineSeparator());
        curves.forEach((strategy, curve) -> {
            s.append(String.format("%-18s", strategy));
            for (int i = 0; i < Math.min(rounds, curve.size()); i++) {
                MeanPoint p = curve.get(i);
                s.append(String.format(" %20s", String.format(java.util.Locale.ROOT, "%.3f (%.3f-%.3f)", p.accuracy(),
                        p.minAccuracy(), p.maxAccuracy())));
            }
            s.append(System.lineSeparator());
        });
        return s.toString();
    }
}
