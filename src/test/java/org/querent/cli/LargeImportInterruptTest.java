package org.querent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 3: a CSV far larger than one import transaction, imported by the CLI in a child JVM and stopped
 * by Ctrl+C (SIGINT) once its progress line shows rows, then killed with -9 at seeded random moments. Each time
 * the file passes SQLite's integrity check, opens, keeps its content index, and the next import completes the table
 * with every row once.
 */
class LargeImportInterruptTest {
    private static final int ROWS = 150_000;

    @TempDir
    Path dir;

    @Test
    void ctrlCAndKillMidTableLeaveAProjectThatTheNextImportCompletes() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (BufferedWriter out = Files.newBufferedWriter(data.resolve("rows.csv"))) {
            out.write("id,text\n");
            for (int i = 0; i < ROWS; i++) {
                out.write(i + ",\"row " + i + ": a short text about parcels, refunds and colours\"\n");
            }
        }
        String project = dir.resolve("p.querent").toString();
        assertEquals(0, CliRun.of("init", project, "--data", data.toString(), "--labels", "a,b").code());

        Process child = new ProcessBuilder(ChildJvm.command("import", project)).redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        InputStream in = child.getInputStream();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!seen.toString().contains("rows.csv, row ") && System.nanoTime() < deadline && child.isAlive()) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            seen.append((char) b);
        }
        assertTrue(seen.toString().contains("rows.csv, row "), "a progress line with rows: " + seen);
        new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
        String rest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "stops after Ctrl+C");
        assertWhole(project);
        assertEquals(1, contentIndexes(project), "Ctrl+C builds the content index again before it closes");
        long afterCtrlC = count(project, "SELECT count(*) FROM item");
        assertTrue(afterCtrlC < ROWS, "stopped mid-table: " + afterCtrlC + " rows; " + rest);

        Random random = new Random(20261203);
        List<String> moments = new ArrayList<>();
        for (int attempt = 0; attempt < 2; attempt++) {
            long delay = 1_500 + random.nextInt(4_000);
            Process killed = new ProcessBuilder(ChildJvm.command("import", project)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean finished = killed.waitFor(delay, TimeUnit.MILLISECONDS);
            killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            moments.add((finished ? "finished before " : "killed at ") + delay + " ms, "
                    + count(project, "SELECT count(*) FROM item") + " rows");
            assertWhole(project);
        }

        CliRun last = CliRun.of("import", project);
        assertEquals(0, last.code(), last.toString());
        assertEquals(ROWS, count(project, "SELECT count(*) FROM item"), moments.toString());
        assertEquals(ROWS, count(project, "SELECT count(DISTINCT content_hash) FROM item"), "every row once");
        assertEquals(1, contentIndexes(project));
        CliRun again = CliRun.of("import", project);
        assertTrue(again.out().contains("0 new, 0 changed, " + ROWS + " unchanged"), again.toString());
        System.out.println("after Ctrl+C " + afterCtrlC + " rows; " + moments);
    }

    private static void assertWhole(String project) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project);
             ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            assertTrue(rs.next());
            assertEquals("ok", rs.getString(1));
        }
        CliRun status = CliRun.of("status", project);
        assertEquals(0, status.code(), status.toString());
    }

    /** A kill -9 mid bulk load may leave it dropped: the next opening for writing builds it again. */
    private static long contentIndexes(String project) throws Exception {
        return count(project, "SELECT count(*) FROM sqlite_master WHERE name = 'item_content_hash'");
    }

    private static long count(String project, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project);
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
