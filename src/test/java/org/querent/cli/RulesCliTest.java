package org.querent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.TestData;
import org.querent.simulate.SyntheticDataset;
import picocli.CommandLine;

/** queue with batch rules, status with the audit estimate and the stopping signal, simulate with its new options. */
class RulesCliTest {
    @TempDir
    Path dir;

    @Test
    void queueWithRulesMarksAuditPicksAndStatusShowsTheEstimate() {
        Map<String, String> truth = TestData.copyEmails(dir.resolve("data"), 4);
        String project = dir.resolve("p.querent").toString();
        assertEquals(0, CliRun.of("init", project, "--data", dir.resolve("data").toString(), "--model", "builtin:minilm",
                "--labels", String.join(",", TestData.emailLabels())).code());
        assertEquals(0, CliRun.of("import", project).code());
        assertEquals(0, CliRun.of("score", project).code());

        CliRun queue = CliRun.of("queue", project, "--size", "6", "--audit-share", "0.5", "--near-duplicate", "0.95",
                "--max-per-source", "3", "--drift-share", "0.2");
        assertEquals(0, queue.code(), queue.toString());
        String[] lines = queue.out().strip().split("\n");
        assertTrue(lines[0].endsWith("\tpick"), lines[0]);
        assertEquals(3, Arrays.stream(lines).filter(l -> l.endsWith("\taudit")).count(), queue.out());
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split("\t");
            assertEquals(0, CliRun.of("label", project, cells[0], truth.get(cells[1])).code());
        }
        CliRun status = CliRun.of("status", project);
        assertEquals(0, status.code(), status.toString());
        assertTrue(status.out().contains("audit estimate (unbiased) before any head: accuracy "), status.out());
        assertTrue(status.out().contains("n=3"), status.out());

        assertEquals(2, CliRun.of("queue", project, "--audit-share", "0.8", "--drift-share", "0.5").code());
    }

    @Test
    void simulateTakesAnInitialStrategyRulesAndAPlot() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new SimulateCommand(SyntheticDataset.of(40, 5)));
        cli.setOut(new PrintWriter(out));
        Path plot = dir.resolve("curves.png");
        int code = cli.execute("--data", dir.toString(), "--strategy", "random,margin", "--seeds", "2", "--initial", "10",
                "--batch", "10", "--budget", "40", "--initial-strategy", "random", "--near-duplicate", "0.99",
                "--audit-share", "0.1", "--max-per-source", "5", "--out", dir.resolve("c.csv").toString(),
                "--plot", plot.toString());
        assertEquals(0, code, out.toString());
        assertTrue(out.toString().contains("AULC"), out.toString());
        assertTrue(out.toString().contains("accuracy in the first rounds"), out.toString());
        assertEquals(900, ImageIO.read(plot.toFile()).getWidth());
        List<String> rows = Files.readAllLines(dir.resolve("c.csv"));
        assertEquals(1 + 2 * 2 * 4, rows.size());
    }
}
