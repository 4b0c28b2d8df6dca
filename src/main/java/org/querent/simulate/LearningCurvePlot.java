package org.querent.simulate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;
import org.querent.simulate.CurveSummary.MeanPoint;

/**
 * Learning curves of a simulation as a picture: mean test accuracy per strategy against labels, with a band
 * from the worst to the best seed, a legend, axis labels and a title. PNG is drawn with Java2D; SVG is written
 * by hand ({@link CurveSvg}), so neither needs a charting library. A title may hold a second line (after a
 * newline), drawn smaller beneath it.
 */
public final class LearningCurvePlot {
    private LearningCurvePlot() {
    }

    /** Writes a .png or .svg, chosen by the file's extension. */
    public static void write(Map<String, List<MeanPoint>> curves, String title, Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (name.endsWith(".svg")) {
                Files.writeString(file, CurveSvg.render(curves, title));
            } else if (name.endsWith(".png")) {
                if (!ImageIO.write(render(curves, title), "png", file.toFile())) {
                    throw new IOException("no PNG writer in this Java runtime");
                }
            } else {
                throw QuerentException.usage("--plot takes a .png or .svg file, got " + file);
            }
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.STORAGE, "cannot write the plot " + file + ": " + e.getMessage(), e);
        }
    }

    /** The plot as an image of {@value PlotFrame#WIDTH} x {@value PlotFrame#HEIGHT} pixels. */
    public static BufferedImage render(Map<String, List<MeanPoint>> curves, String title) {
        PlotFrame f = new PlotFrame(curves);
        BufferedImage image = new BufferedImage(PlotFrame.WIDTH, PlotFrame.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, PlotFrame.WIDTH, PlotFrame.HEIGHT);
            axes(g, f);
            int s = 0;
            for (Map.Entry<String, List<MeanPoint>> e : curves.entrySet()) {
                curve(g, f, e.getValue(), new Color(PlotFrame.colour(s)));
                legend(g, f, s, e.getKey(), new Color(PlotFrame.colour(s)));
                s++;
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(PlotFrame.titleLine(title), PlotFrame.LEFT, 22);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(PlotFrame.subtitleLine(title), PlotFrame.LEFT, 40);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void axes(Graphics2D g, PlotFrame f) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double t : f.yTicks()) {
            g.setColor(new Color(0xE5E5E5));
            g.draw(new Line2D.Double(PlotFrame.LEFT, f.py(t), f.plotRight(), f.py(t)));
            g.setColor(Color.DARK_GRAY);
            g.drawString(PlotFrame.tickLabel(t, true), PlotFrame.LEFT - 40, (float) f.py(t) + 4);
        }
        for (double t : f.xTicks()) {
            g.setColor(Color.DARK_GRAY);
            g.draw(new Line2D.Double(f.px(t), f.plotBottom(), f.px(t), f.plotBottom() + 5));
            String label = PlotFrame.tickLabel(t, false);
            g.drawString(label, (float) f.px(t) - g.getFontMetrics().stringWidth(label) / 2f, (float) f.plotBottom() + 20);
        }
        g.setColor(Color.BLACK);
        g.draw(new Line2D.Double(PlotFrame.LEFT, f.plotBottom(), f.plotRight(), f.plotBottom()));
        g.draw(new Line2D.Double(PlotFrame.LEFT, PlotFrame.TOP, PlotFrame.LEFT, f.plotBottom()));
        g.drawString("labels", (float) (PlotFrame.LEFT + f.plotRight()) / 2 - 15, PlotFrame.HEIGHT - 15);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString("test accuracy", -(PlotFrame.TOP + (float) f.plotBottom()) / 2 - 35, 20);
        rotated.dispose();
    }

    private static void curve(Graphics2D g, PlotFrame f, List<MeanPoint> curve, Color colour) {
        Path2D band = new Path2D.Double();
        Path2D mean = new Path2D.Double();
        for (int i = 0; i < curve.size(); i++) {
            MeanPoint p = curve.get(i);
            if (i == 0) {
                band.moveTo(f.px(p.labels()), f.py(p.maxAccuracy()));
                mean.moveTo(f.px(p.labels()), f.py(p.accuracy()));
            } else {
                band.lineTo(f.px(p.labels()), f.py(p.maxAccuracy()));
                mean.lineTo(f.px(p.labels()), f.py(p.accuracy()));
            }
        }
        for (int i = curve.size() - 1; i >= 0; i--) {
            band.lineTo(f.px(curve.get(i).labels()), f.py(curve.get(i).minAccuracy()));
        }
        band.closePath();
        g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 50));
        g.fill(band);
        g.setColor(colour);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(mean);
        g.setStroke(new BasicStroke(1f));
    }

    private static void legend(Graphics2D g, PlotFrame f, int index, String strategy, Color colour) {
        double x = f.plotRight() + 20;
        double y = PlotFrame.TOP + 10 + index * 22;
        g.setColor(colour);
        g.setStroke(new BasicStroke(3f));
        g.draw(new Line2D.Double(x, y, x + 24, y));
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(strategy, (float) x + 32, (float) y + 5);
    }
}
