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
    private static final int ROWS = 200_000;
    private static final int STORED_AT_ONCE = 20_000; // ImportWriter.BATCH, in another package

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
        String seen = readUntilRow(child, 2 * STORED_AT_ONCE + 5_000); // two batches stored, the table not done
        new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
        String rest = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "stops after Ctrl+C");
        assertWhole(project);
        assertEquals(1, contentIndexes(project), "Ctrl+C builds the content index again before it closes");
        long afterCtrlC = count(project, "SELECT count(*) FROM item");
        assertTrue(afterCtrlC >= STORED_AT_ONCE && afterCtrlC < ROWS, "stopped mid-table: " + afterCtrlC + " rows; "
                + seen + rest);

        Random random = new Random(20261203);
        List<String> moments = new ArrayList<>();
        for (int attempt = 0; attempt < 2; attempt++) {
            long before = count(project, "SELECT count(*) FROM item");
            int row = STORED_AT_ONCE + random.nextInt(ROWS - 2 * STORED_AT_ONCE);
            Process killed = new ProcessBuilder(ChildJvm.command("import", project)).redirectErrorStream(true).start();
            String line = readUntilRow(killed, row);
            killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertWhole(project);
            long after = count(project, "SELECT count(*) FROM item");
            moments.add("kill -9 at " + line.substring(Math.max(0, line.lastIndexOf("row ") - 10)).strip() + ": "
                    + before + " -> " + after + " rows");
            assertTrue(after >= before && after <= ROWS, moments.toString());
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

    /** Reads the child's output until its progress line passes {@code row} of the table; returns what it read. */
    private static String readUntilRow(Process child, int row) throws Exception {
        StringBuilder seen = new StringBuilder();
        InputStream in = child.getInputStream();
        java.util.regex.Pattern progress = java.util.regex.Pattern.compile("rows\\.csv, row ([0-9,]+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int searchedTo = 0;
        while (System.nanoTime() < deadline) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            seen.append((char) b);
            if (b == ' ' && seen.length() > searchedTo + 10) {
                java.util.regex.Matcher m = progress.matcher(seen.substring(searchedTo));
                while (m.find()) {
                    if (Integer.parseInt(m.group(1).replace(",", "")) >= row) {
                        return seen.toString();
                    }
                }
                searchedTo = Math.max(0, seen.length() - 40);
            }
        }
        throw new AssertionError("the import never showed row " + row + ": " + seen);
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
