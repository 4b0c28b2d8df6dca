package org.querent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.SharedDatasets;

/**
 * Monitoring by source folder and by a CSV segment column, through {@code status}, on real e-mails: the audit
 * picks of "east" are all corrected (the model is wrong there), "south" is never labelled; both are called out.
 */
class SourceMonitorCliTest {
    @TempDir
    Path dir;

    private static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.code(), run.toString());
        return run;
    }

    private static void copy(Path from, Path to, int skip, int count) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.sorted().skip(skip).limit(count).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void aSourceTheModelGetsWrongAndOneNobodyLabelsAreCalledOut() throws IOException {
        Path mail = SharedDatasets.require("mailing-lists");
        Path data = dir.resolve("data");
        List<String> sources = List.of("north", "south", "east");
        for (int s = 0; s < sources.size(); s++) {
            copy(mail.resolve("fork"), data.resolve(sources.get(s)), s * 10, 10);
            copy(mail.resolve("ilug"), data.resolve(sources.get(s)), s * 10, 10);
        }
        StringBuilder csv = new StringBuilder("text,region\n");
        for (int i = 0; i < 20; i++) {
            csv.append('"').append("A short note number ").append(i).append(" about ")
                    .append(i % 2 == 0 ? "the Linux user group meeting in Dublin" : "a link worth forwarding")
                    .append("\",").append(i < 8 ? "west" : "coast").append('\n');
        }
        Files.createDirectories(data.resolve("tables"));
        Files.writeString(data.resolve("tables/notes.csv"), csv.toString());
        String project = dir.resolve("mail.querent").toString();
        ok("init", project, "--data", data.toString(), "--labels", "fork,ilug");
        ok("import", project);
        ok("score", project);

        // Every pick of this queue is an audit pick, drawn uniformly at random.
        JsonNode queue = new ObjectMapper().readTree(ok("queue", project, "--size", "60", "--audit-share", "1",
                "--seed", "7", "--format", "json").out());
        StringBuilder answers = new StringBuilder();
        Map<String, int[]> expected = new TreeMap<>(); // source -> labelled, accepted
        for (JsonNode row : queue) {
            assertEquals("audit", row.get("pick").asText());
            String path = row.get("path").asText();
            String source = path.substring(0, path.indexOf('/'));
            String pre = row.get("pre_label").asText();
            if (source.equals("south")) {
                continue; // nobody labels south
            }
            String label = source.equals("east") ? (pre.equals("fork") ? "ilug" : "fork") : pre;
            answers.append(row.get("item_id").asInt()).append('\t').append(label).append('\n');
            int[] e = expected.computeIfAbsent(source, k -> new int[2]);
            e[0]++;
            e[1] += label.equals(pre) ? 1 : 0;
        }
        Path tsv = dir.resolve("answers.tsv");
        Files.writeString(tsv, answers);
        ok("label", project, "--from", tsv.toString(), "--annotator", "ana");

        String status = ok("status", project).out();
        assertTrue(status.contains("sources   by source folder"), status);
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            int n = e.getValue()[0];
            int right = e.getValue()[1];
            String accuracy = String.format(java.util.Locale.ROOT, "%.3f", right / (double) n);
            assertTrue(status.lines().anyMatch(l -> l.startsWith("  " + e.getKey() + " ") && l.contains("labelled " + n + " (")
                    && l.contains("audit " + accuracy + " [") && l.contains("n=" + n + ", accepted " + right + "/" + n)),
                    e.getKey() + " " + n + " " + right + "\n" + status);
        }
        assertTrue(status.lines().anyMatch(l -> l.startsWith("  south ") && l.contains("items 20, labelled 0 (fork=0 ilug=0)")),
                status);
        assertTrue(status.contains("attention east is much less accurate: audit accuracy 0.000"), status);
        assertTrue(status.contains("attention south is under-sampled: 0 label(s)"), status);
        assertFalse(status.contains("attention north"), status);
        assertFalse(status.contains("attention tables"), status);

        String segments = ok("status", project, "--segment", "region").out();
        assertTrue(segments.contains("sources   by segment region"), segments);
        assertTrue(segments.lines().anyMatch(l -> l.startsWith("  west ") && l.contains("items 8,")), segments);
        assertTrue(segments.lines().anyMatch(l -> l.startsWith("  coast ") && l.contains("items 12,")), segments);
        assertTrue(segments.lines().anyMatch(l -> l.startsWith("  (none) ") && l.contains("items 60,")), segments);
        CliRun bad = CliRun.of("status", project, "--segment", "nope");
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("no CSV or JSONL row of this project has a column 'nope'"), bad.toString());
    }
}
