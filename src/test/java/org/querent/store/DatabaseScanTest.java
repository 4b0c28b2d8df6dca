package org.querent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.QuerentException;

/**
 * Scans run on a connection of their own: a long read of the pool must not hold a decision, and a decision in
 * flight must not hold a scan (both waited on the project's one connection before).
 */
class DatabaseScanTest {
    @TempDir
    Path dir;

    @Test
    void aScanRunsWhileAWriteIsInFlightAndSeesOnlyWhatWasCommitted() throws Exception {
        try (Database db = Database.open(dir.resolve("p.querent"), true)) {
            db.write(c -> execute(c, "INSERT INTO meta(key, value) VALUES ('k', 'committed')"));
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> db.write(c -> {
                execute(c, "UPDATE meta SET value = 'uncommitted' WHERE key = 'k'");
                inside.countDown();
                await(release);
                return null;
            }));
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            // On the project's connection this read would wait for the writer, which waits for us: a timeout.
            String seen = CompletableFuture.supplyAsync(() -> db.scan(c -> value(c, "k"))).get(10, TimeUnit.SECONDS);
            assertEquals("committed", seen);
            release.countDown();
            writer.get(10, TimeUnit.SECONDS);
            assertEquals("uncommitted", db.scan(c -> value(c, "k")), "a scan after the commit sees it");
        }
    }

    @Test
    void aWriteIsNotHeldBehindAScanInFlight() throws Exception {
        try (Database db = Database.open(dir.resolve("p.querent"), true)) {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> scan = CompletableFuture.supplyAsync(() -> db.scan(c -> {
                String before = value(c, "k");
                inside.countDown();
                await(release);
                return before + "/" + value(c, "k"); // one snapshot: the write below stays unseen
            }));
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            CompletableFuture.runAsync(() -> db.write(c -> execute(c, "INSERT INTO meta(key, value) VALUES ('k', 'new')")))
                    .get(10, TimeUnit.SECONDS);
            release.countDown();
            assertEquals("null/null", scan.get(10, TimeUnit.SECONDS));
            assertEquals("new", db.scan(c -> value(c, "k")));
        }
    }

    @Test
    void aScanInsideAWriteSeesThatWritesChanges() {
        try (Database db = Database.open(dir.resolve("p.querent"), true)) {
            String seen = db.write(c -> {
                execute(c, "INSERT INTO meta(key, value) VALUES ('k', 'mine')");
                return db.scan(s -> value(s, "k"));
            });
            assertEquals("mine", seen);
        }
    }

    @Test
    void aScanCannotWriteAndClosingClosesEveryScanConnection() throws Exception {
        Database db = Database.open(dir.resolve("p.querent"), true);
        QuerentException refused = assertThrows(QuerentException.class,
                () -> db.scan(c -> execute(c, "INSERT INTO meta(key, value) VALUES ('k', 'x')")));
        assertTrue(refused.getMessage().contains("reading the project failed"), refused.getMessage());
        CompletableFuture.runAsync(() -> db.scan(c -> value(c, "k"))).get(10, TimeUnit.SECONDS);
        assertEquals(2, db.scanConnections(), "one per thread that scanned");
        db.close();
        assertEquals(0, db.scanConnections());
        assertThrows(QuerentException.class, () -> db.scan(c -> value(c, "k")));
    }

    @Test
    void aReaderOpenedBesideTheWriterScansToo() {
        Path file = dir.resolve("p.querent");
        try (Database writer = Database.open(file, true)) {
            writer.write(c -> execute(c, "INSERT INTO meta(key, value) VALUES ('k', 'shared')"));
            try (Database reader = Database.openReader(file)) {
                assertEquals("shared", reader.scan(c -> value(c, "k")));
            }
        }
    }

    private static Void execute(java.sql.Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
        return null;
    }

    private static String value(java.sql.Connection c, String key) throws SQLException {
        try (var ps = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
