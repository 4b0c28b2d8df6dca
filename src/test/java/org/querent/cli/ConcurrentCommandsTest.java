package org.querent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.TestData;

/**
 * The fault hunt's concurrent runs (issue 8): four processes label at once with {@code --wait}, while readers ask
 * for the status; every writer gets its turn, every decision is there once, readers never fail, and the file passes
 * SQLite's integrity check.
 */
class ConcurrentCommandsTest {
    @TempDir
    Path dir;

    @Test
    void fourWritersAndTwoReadersAtOnceLoseNothing() throws Exception {
        Map<String, String> truth = TestData.copyEmails(dir.resolve("data"), 4); // 24 emails
        String project = dir.resolve("p.querent").toString();
        assertEquals(0, CliRun.of("init", project, "--data", dir.resolve("data").toString(), "--labels",
                String.join(",", TestData.emailLabels())).code());
        assertEquals(0, CliRun.of("import", project).code());
        List<StringBuilder> parts = List.of(new StringBuilder(), new StringBuilder(), new StringBuilder(), new StringBuilder());
        int n = 0;
        for (Map.Entry<String, String> e : truth.entrySet()) {
            parts.get(n++ % 4).append(e.getKey()).append('\t').append(e.getValue()).append('\n');
        }
        List<Process> writers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Path file = Files.writeString(dir.resolve("part-" + i + ".tsv"), parts.get(i));
            writers.add(start(dir.resolve("writer-" + i + ".log"), "label", project, "--wait", "120", "--from",
                    file.toString()));
        }
        List<Process> readers = List.of(start(dir.resolve("reader-0.log"), "status", project),
                start(dir.resolve("reader-1.log"), "export", project, "--format", "csv", "--out",
                        dir.resolve("out.csv").toString()));
        for (int i = 0; i < writers.size(); i++) {
            assertTrue(writers.get(i).waitFor(180, TimeUnit.SECONDS));
            String log = Files.readString(dir.resolve("writer-" + i + ".log"));
            assertEquals(0, writers.get(i).exitValue(), log);
            assertFalse(log.contains("\tat "), "no stack trace: " + log);
        }
        for (int i = 0; i < readers.size(); i++) {
            assertTrue(readers.get(i).waitFor(180, TimeUnit.SECONDS));
            String log = Files.readString(dir.resolve("reader-" + i + ".log"));
            assertEquals(0, readers.get(i).exitValue(), "readers run beside a writer: " + log);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project + "?open_mode=1")) {
            try (ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                assertTrue(rs.next());
                assertEquals("ok", rs.getString(1));
            }
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT count(*), count(DISTINCT item_id) FROM decision")) {
                assertTrue(rs.next());
                assertEquals(truth.size(), rs.getInt(1), "every decision once");
                assertEquals(truth.size(), rs.getInt(2));
            }
        }
    }

    private static Process start(Path log, String... args) throws Exception {
        return new ProcessBuilder(ChildJvm.command(args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
