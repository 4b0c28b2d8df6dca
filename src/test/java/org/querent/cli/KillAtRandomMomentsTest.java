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
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.TestData;

/**
 * The fault hunt's kills (issue 8): kill -9 a command at a random moment of its work and the project file stays
 * whole, loses no decision that was committed, and takes the same command again. The moments come from a seeded
 * random, so a failure can be replayed; scoring has its own kill test (ScoringResumeTest).
 */
class KillAtRandomMomentsTest {
    @TempDir
    Path dir;

    @Test
    void killingLabelTrainAndImportAtRandomMomentsLosesNothingAndCorruptsNothing() throws Exception {
        Map<String, String> truth = TestData.copyEmails(dir.resolve("data"), 10); // 60 emails
        String project = dir.resolve("p.querent").toString();
        assertEquals(0, CliRun.of("init", project, "--data", dir.resolve("data").toString(), "--labels",
                String.join(",", TestData.emailLabels())).code());
        assertEquals(0, CliRun.of("import", project).code());
        assertEquals(0, CliRun.of("score", project).code());
        StringBuilder tsv = new StringBuilder();
        truth.forEach((file, label) -> tsv.append(file).append('\t').append(label).append('\n'));
        Path labels = Files.writeString(dir.resolve("labels.tsv"), tsv);
        Random random = new Random(20261203);
        List<String> seen = new ArrayList<>();

        // label --from is one transaction: a kill leaves all of the file's labels or none.
        for (int attempt = 0; attempt < 3 && count(project, "SELECT count(*) FROM decision") == 0; attempt++) {
            seen.add(killAt(random, "label", project, "--from", labels.toString()));
            long decisions = count(project, "SELECT count(*) FROM decision");
            assertTrue(decisions == 0 || decisions == truth.size(), "all or none, got " + decisions + " " + seen);
            assertWhole(project);
        }
        if (count(project, "SELECT count(*) FROM decision") == 0) {
            assertEquals(0, CliRun.of("label", project, "--from", labels.toString()).code());
        }
        long decisions = count(project, "SELECT count(*) FROM decision");
        assertEquals(truth.size(), decisions);

        // train: a kill leaves the versions before it, never half a version.
        long versions = count(project, "SELECT count(*) FROM head");
        seen.add(killAt(random, "train", project));
        long after = count(project, "SELECT count(*) FROM head");
        assertTrue(after == versions || after == versions + 1, after + " versions " + seen);
        assertWhole(project);
        assertEquals(decisions, count(project, "SELECT count(*) FROM decision"), "no decision lost");
        assertEquals(0, CliRun.of("train", project).code(), "trains again after the kill");

        // import of new files: a kill leaves a consistent item table; the next import finishes the job.
        TestData.copyEmails(dir.resolve("more"), 10).keySet().forEach(f -> move(dir.resolve("more"), dir.resolve("data/new"), f));
        seen.add(killAt(random, "import", project));
        assertWhole(project);
        CliRun again = CliRun.of("import", project);
        assertEquals(0, again.code(), again.toString());
        assertEquals(120, count(project, "SELECT count(*) FROM item WHERE state <> 'removed'"), again.toString());
        assertEquals(decisions, count(project, "SELECT count(*) FROM decision"), "no decision lost");

        CliRun status = CliRun.of("status", project);
        assertEquals(0, status.code(), status.toString());
        assertFalse((status.out() + status.err()).contains("\tat "), "no stack trace: " + status);
        System.out.println("kill moments: " + seen);
    }

    /** Starts the command in a child JVM, kills it after a random 0.5–6 s (JVM start included), and says when and in which state. */
    private static String killAt(Random random, String... args) throws Exception {
        long delay = 500 + random.nextInt(5500);
        Process child = new ProcessBuilder(ChildJvm.command(args)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        boolean finished = child.waitFor(delay, TimeUnit.MILLISECONDS);
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        return args[0] + (finished ? " finished before " : " killed at ") + delay + " ms";
    }

    /** SQLite's own check, read as another program would, plus the project opening through the CLI. */
    private static void assertWhole(String project) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project);
             ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            assertTrue(rs.next());
            assertEquals("ok", rs.getString(1));
        }
        CliRun status = CliRun.of("status", project);
        assertEquals(0, status.code(), status.toString());
    }

    private static long count(String project, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project + "?open_mode=1");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void move(Path from, Path to, String file) {
        try {
            Files.createDirectories(to);
            Files.move(from.resolve(file), to.resolve("new-" + file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
