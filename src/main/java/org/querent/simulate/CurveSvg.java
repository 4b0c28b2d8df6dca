package org.querent.simulate;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.querent.simulate.CurveSummary.MeanPoint;

/** The learning-curve plot as SVG text: the same frame, colours and layout as the PNG. */
final class CurveSvg {
    private CurveSvg() {
    }

    static String render(Map<String, List<MeanPoint>> curves, String title) {
        PlotFrame f = new PlotFrame(curves);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n", PlotFrame.WIDTH, PlotFrame.HEIGHT,
                PlotFrame.WIDTH, PlotFrame.HEIGHT));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", PlotFrame.WIDTH, PlotFrame.HEIGHT));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"16\" font-weight=\"bold\">%s</text>%n",
                PlotFrame.LEFT, escape(PlotFrame.titleLine(title))));
        s.append(text(PlotFrame.LEFT, 40, PlotFrame.subtitleLine(title), "start", 12));
        for (double t : f.yTicks()) {
            s.append(line(PlotFrame.LEFT, f.py(t), f.plotRight(), f.py(t), "#e5e5e5", 1));
            s.append(text(PlotFrame.LEFT - 40, f.py(t) + 4, PlotFrame.tickLabel(t, true), "start", 12));
        }
        for (double t : f.xTicks()) {
            s.append(line(f.px(t), f.plotBottom(), f.px(t), f.plotBottom() + 5, "#404040", 1));
            s.append(text(f.px(t), f.plotBottom() + 20, PlotFrame.tickLabel(t, false), "middle", 12));
        }
        s.append(line(PlotFrame.LEFT, f.plotBottom(), f.plotRight(), f.plotBottom(), "black", 1));
        s.append(line(PlotFrame.LEFT, PlotFrame.TOP, PlotFrame.LEFT, f.plotBottom(), "black", 1));
        s.append(text((PlotFrame.LEFT + f.plotRight()) / 2, PlotFrame.HEIGHT - 15, "labels", "middle", 13));
        double midY = (PlotFrame.TOP + f.plotBottom()) / 2;
        s.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"%.1f\" font-size=\"13\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 20 %.1f)\">test accuracy</text>%n", midY, midY));
        int index = 0;
        for (Map.Entry<String, List<MeanPoint>> e : curves.entrySet()) {
            String colour = String.format("#%06X", PlotFrame.colour(index));
            s.append(curve(f, e.getValue(), colour));
            double x = f.plotRight() + 20;
            double y = PlotFrame.TOP + 10 + index * 22;
            s.append(line(x, y, x + 24, y, colour, 3));
            s.append(text(x + 32, y + 5, e.getKey(), "start", 13));
            index++;
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static String curve(PlotFrame f, List<MeanPoint> curve, String colour) {
        StringBuilder band = new StringBuilder();
        StringBuilder mean = new StringBuilder();
        for (MeanPoint p : curve) {
            band.append(String.format(Locale.ROOT, "%.1f,%.1f ", f.px(p.labels()), f.py(p.maxAccuracy())));
            mean.append(String.format(Locale.ROOT, "%.1f,%.1f ", f.px(p.labels()), f.py(p.accuracy())));
        }
        for (int i = curve.size() - 1; i >= 0; i--) {
            band.append(String.format(Locale.ROOT, "%.1f,%.1f ", f.px(curve.get(i).labels()), f.py(curve.get(i).minAccuracy())));
        }
        return String.format("<polygon points=\"%s\" fill=\"%s\" fill-opacity=\"0.2\" stroke=\"none\"/>%n"
                + "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" stroke-linejoin=\"round\"/>%n",
                band.toString().trim(), colour, mean.toString().trim(), colour);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, double width) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
                x1, y1, x2, y2, colour, width);
    }

    private static String text(double x, double y, String value, String anchor, int size) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\">%s</text>%n",
                x, y, size, anchor, escape(value));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
