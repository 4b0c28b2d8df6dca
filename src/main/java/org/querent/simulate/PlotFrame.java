package org.querent.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.querent.simulate.CurveSummary.MeanPoint;

/**
 * The geometry shared by the PNG and the SVG learning-curve plots: data ranges, "nice" ticks, the mapping
 * from (labels, accuracy) to pixels, and one colour per strategy. Both formats draw from it, so they match.
 */
final class PlotFrame {
    static final int WIDTH = 900;
    static final int HEIGHT = 560;
    static final int LEFT = 80;
    static final int RIGHT = 200; // room for the legend
    static final int TOP = 50;
    static final int BOTTOM = 60;
    /** Tableau 10: distinct for up to ten strategies, and readable by most colour-blind readers. */
    private static final int[] PALETTE = {0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F, 0xEDC948, 0xB07AA1,
        0xFF9DA7, 0x9C755F, 0xBAB0AC};

    final double minX;
    final double maxX;
    final double minY;
    final double maxY;

    PlotFrame(Map<String, List<MeanPoint>> curves) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (List<MeanPoint> curve : curves.values()) {
            for (MeanPoint p : curve) {
                x0 = Math.min(x0, p.labels());
                x1 = Math.max(x1, p.labels());
                y0 = Math.min(y0, p.minAccuracy());
                y1 = Math.max(y1, p.maxAccuracy());
            }
        }
        if (x0 > x1) {
            throw new IllegalArgumentException("nothing to plot: no curve points");
        }
        minX = x0;
        maxX = x1 > x0 ? x1 : x0 + 1;
        minY = Math.max(0, Math.floor(y0 * 20) / 20); // to the 0.05 below
        maxY = Math.min(1, Math.max(minY + 0.05, Math.ceil(y1 * 20) / 20));
    }

    double px(double labels) {
        return LEFT + (labels - minX) / (maxX - minX) * (WIDTH - LEFT - RIGHT);
    }

    double py(double accuracy) {
        return HEIGHT - BOTTOM - (accuracy - minY) / (maxY - minY) * (HEIGHT - TOP - BOTTOM);
    }

    double plotRight() {
        return WIDTH - RIGHT;
    }

    double plotBottom() {
        return HEIGHT - BOTTOM;
    }

    static int colour(int strategyIndex) {
        return PALETTE[strategyIndex % PALETTE.length];
    }

    List<Double> xTicks() {
        return ticks(minX, maxX);
    }

    List<Double> yTicks() {
        return ticks(minY, maxY);
    }

    /** About five ticks at 1, 2 or 5 times a power of ten. */
    static List<Double> ticks(double from, double to) {
        double raw = (to - from) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        List<Double> out = new ArrayList<>();
        for (double t = Math.ceil(from / step - 1e-9) * step; t <= to + 1e-9; t += step) {
            out.add(Math.abs(t) < 1e-12 ? 0 : t);
        }
        return out;
    }

    static String titleLine(String title) {
        int nl = title.indexOf('\n');
        return nl < 0 ? title : title.substring(0, nl);
    }

    static String subtitleLine(String title) {
        int nl = title.indexOf('\n');
        return nl < 0 ? "" : title.substring(nl + 1);
    }

    static String tickLabel(double value, boolean accuracy) {
        return accuracy ? String.format(java.util.Locale.ROOT, "%.2f", value) : Long.toString(Math.round(value));
    }
}
