package org.querent.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.QuerentException;
import org.querent.simulate.CurveSummary.MeanPoint;
import org.w3c.dom.Document;

class LearningCurvePlotTest {
    @TempDir
    Path dir;

    private static Map<String, List<MeanPoint>> curves() {
        return CurveSummary.meanCurves(List.of(
                new CurvePoint("random", 0, 20, 0.50, 0.4), new CurvePoint("random", 1, 20, 0.56, 0.4),
                new CurvePoint("random", 0, 40, 0.62, 0.5), new CurvePoint("random", 1, 40, 0.66, 0.5),
                new CurvePoint("margin", 0, 20, 0.50, 0.4), new CurvePoint("margin", 1, 20, 0.56, 0.4),
                new CurvePoint("margin", 0, 40, 0.70, 0.6), new CurvePoint("margin", 1, 40, 0.74, 0.6)));
    }

    @Test
    void writesAPngThatReadsBack() throws Exception {
        Path file = dir.resolve("out/curves.png");
        LearningCurvePlot.write(curves(), "Curves <&>", file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(PlotFrame.WIDTH, image.getWidth());
        assertEquals(PlotFrame.HEIGHT, image.getHeight());
        assertEquals(0xFFFFFF, image.getRGB(5, 5) & 0xFFFFFF, "white background");
        PlotFrame f = new PlotFrame(curves());
        // the margin curve's final mean point (0.72 at 40 labels) is drawn in its colour
        int rgb = image.getRGB((int) Math.round(f.px(40)) - 3, (int) Math.round(f.py(0.72 - 0.006)));
        assertNotEquals(0xFFFFFF, rgb & 0xFFFFFF);
    }

    @Test
    void writesAnSvgThatParsesAsXml() throws Exception {
        Path file = dir.resolve("curves.svg");
        LearningCurvePlot.write(curves(), "Curves <&>", file);
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        assertEquals("svg", svg.getDocumentElement().getNodeName());
        assertEquals(2, svg.getElementsByTagName("polyline").getLength(), "one mean line per strategy");
        assertEquals(2, svg.getElementsByTagName("polygon").getLength(), "one min-max band per strategy");
        String text = svg.getDocumentElement().getTextContent();
        assertTrue(text.contains("Curves <&>") && text.contains("labels") && text.contains("test accuracy")
                && text.contains("margin") && text.contains("random"), text);
    }

    @Test
    void refusesOtherExtensions() {
        assertThrows(QuerentException.class, () -> LearningCurvePlot.write(curves(), "t", dir.resolve("c.jpg")));
    }

    @Test
    void ticksAreRound() {
        assertEquals(List.of(100.0, 200.0, 300.0, 400.0), PlotFrame.ticks(20, 400));
        assertEquals(List.of(0.5, 0.55, 0.6, 0.65, 0.7, 0.75), PlotFrame.ticks(0.5, 0.75).stream()
                .map(t -> Math.round(t * 100) / 100.0).toList());
    }

    @Test
    void coldStartTableShowsTheFirstRounds() {
        String table = CurveSummary.coldStartTable(curves(), 3);
        assertTrue(table.contains("@20") && table.contains("@40"), table);
        assertTrue(table.contains("0.720 (0.700-0.740)"), table);
    }
}
