package org.querent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.TestData;
import org.querent.interop.LabelFiles;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.session.ExportService;
import org.querent.store.DecisionRepository.LabelledRow;

/**
 * Speed of the interchange commands, each against a bare baseline in the same run:
 * <pre>mvn -o test -Pbenchmark -Dtest=InterchangeBenchmark</pre>
 */
@Tag("benchmark")
class InterchangeBenchmark {
    private static final int LABELS = 50_000;

    @TempDir
    Path dir;

    static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.code(), String.join(" ", args) + "\n" + run);
        return run;
    }

    @Test
    void importAndExportOfFiftyThousandLabels() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        try (BufferedWriter w = Files.newBufferedWriter(data.resolve("rows.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < LABELS; i++) {
                w.write("{\"text\":\"message number " + i + " about topic " + (i % 97) + "\"}\n");
            }
        }
        Path project = dir.resolve("big.querent");
        ok("init", project.toString(), "--data", data.toString(), "--labels", "a,b,c,d");
        ok("import", project.toString());
        Path csv = dir.resolve("labels.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("item_key,label,annotator,time\n");
            for (int i = 0; i < LABELS; i++) {
                w.write("rows.jsonl#" + i + "," + "abcd".charAt(i % 4) + ",ana,2026-12-01T10:00:00Z\n");
            }
        }
        long t0 = System.nanoTime();
        int parsed = LabelFiles.read(csv, false, null).rows().size();
        double parse = seconds(t0);
        t0 = System.nanoTime();
        CliRun imported = ok("import-labels", project.toString(), csv.toString());
        double importSeconds = seconds(t0);
        assertTrue(imported.out().contains(LABELS + " labels and 0 predictions added"), imported.out());
        t0 = System.nanoTime();
        CliRun again = ok("import-labels", project.toString(), csv.toString());
        double againSeconds = seconds(t0);
        assertTrue(again.out().contains(LABELS + " imported before"), again.out());
        System.out.printf("import-labels of %d CSV labels: %.2f s (parsing alone %.2f s, ratio %.1f); again (all known) %.2f s%n",
                parsed, importSeconds, parse, importSeconds / parse, againSeconds);

        try (Project p = new ProjectService(Clock.systemUTC()).openReader(project)) {
            // best of 3 each (the first runs also warm the JIT), the bare baseline interleaved so load hits both
            double bare = Double.MAX_VALUE;
            Map<ExportService.Format, Double> best = new java.util.LinkedHashMap<>();
            for (int round = 0; round < 3; round++) {
                t0 = System.nanoTime();
                List<LabelledRow> rows = p.decisions().labelledRows();
                try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("bare.csv"), StandardCharsets.UTF_8)) {
                    for (LabelledRow r : rows) {
                        w.write(r.key() + "," + String.join(";", r.labels()) + "\n");
                    }
                }
                bare = Math.min(bare, seconds(t0));
                for (ExportService.Format format : List.of(ExportService.Format.CSV, ExportService.Format.JSONL,
                        ExportService.Format.PRODIGY, ExportService.Format.LABEL_STUDIO)) {
                    t0 = System.nanoTime();
                    int written = new ExportService(p).export(format, dir.resolve("out." + format), new ExportService.Options(
                            format == ExportService.Format.PRODIGY || format == ExportService.Format.LABEL_STUDIO, null));
                    best.merge(format, seconds(t0), Math::min);
                    assertEquals(LABELS, written);
                }
            }
            System.out.printf("bare read of %d labels and write of key,label: %.2f s (best of 3)%n", LABELS, bare);
            for (Map.Entry<ExportService.Format, Double> e : best.entrySet()) {
                System.out.printf("export %-12s %d labels: %.2f s (%.1fx the bare write; best of 3)%n", e.getKey(), LABELS,
                        e.getValue(), e.getValue() / bare);
            }
        }
    }

    @Test
    void predictThroughputAgainstScore() throws Exception {
        Map<String, String> truth = TestData.copyEmails(dir.resolve("data"), 30);
        Path project = dir.resolve("emails.querent");
        ok("init", project.toString(), "--data", dir.resolve("data").toString(), "--labels",
                String.join(",", TestData.emailLabels()));
        ok("import", project.toString());
        long t0 = System.nanoTime();
        ok("score", project.toString());
        double score = seconds(t0);
        StringBuilder tsv = new StringBuilder();
        truth.forEach((f, l) -> tsv.append(f).append('\t').append(l).append('\n'));
        Files.writeString(dir.resolve("l.tsv"), tsv);
        ok("label", project.toString(), "--from", dir.resolve("l.tsv").toString());
        ok("train", project.toString());
        ok("export-model", project.toString(), "--out", dir.resolve("model").toString());
        t0 = System.nanoTime();
        ok("predict", "--model", dir.resolve("model").toString(), "--data", dir.resolve("data").toString(), "--out",
                dir.resolve("p.csv").toString());
        double predict = seconds(t0);
        System.out.printf("%d emails: score %.1f s (%.0f/s, built-in MiniLM, stores embeddings), predict %.1f s (%.0f/s,"
                + " exported model, writes CSV): ratio %.2f%n", truth.size(), score, truth.size() / score, predict,
                truth.size() / predict, predict / score);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
