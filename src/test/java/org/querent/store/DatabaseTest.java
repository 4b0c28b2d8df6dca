package org.querent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.ErrorKind;
import org.querent.common.ItemKind;
import org.querent.common.QuerentException;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void newProjectIsAtTheCurrentSchemaVersionInWalMode() throws Exception {
        Path file = dir.resolve("p.querent");
        try (Database db = Database.open(file, true)) {
            assertEquals(Migrations.CURRENT_VERSION, (int) db.read(Migrations::userVersion));
            String mode = db.read(c -> {
                try (var rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertEquals("wal", mode);
        }
    }

    @Test
    void aSecondOpenOfTheSameProjectIsRefusedWithAMessage() {
        Path file = dir.resolve("p.querent");
        try (Database first = Database.open(file, true)) {
            QuerentException e = assertThrows(QuerentException.class, () -> Database.open(file, false));
            assertEquals(ErrorKind.PROJECT, e.kind());
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
        }
        // Released on close: opening again works.
        Database.open(file, false).close();
    }

    @Test
    void aSecondProcessIsRefusedWhileTheFirstHoldsTheProject() throws Exception {
        Path file = dir.resolve("p.querent");
        try (Database first = Database.open(file, true)) {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                    OpenProjectMain.class.getName(), file.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertEquals(3, p.waitFor(), output);
            assertTrue(output.contains("already open"), output);
        }
    }

    @Test
    void aFileFromANewerVersionIsRefused() throws Exception {
        Path file = dir.resolve("future.querent");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE meta(key TEXT)");
            st.execute("PRAGMA user_version = " + (Migrations.CURRENT_VERSION + 1));
        }
        QuerentException e = assertThrows(QuerentException.class, () -> Database.open(file, false));
        assertTrue(e.getMessage().contains("newer Querent"), e.getMessage());
        assertTrue(Files.exists(file), "the newer file is left untouched");
    }

    @Test
    void aFileThatIsNotAProjectIsRefused() throws Exception {
        Path file = dir.resolve("other.querent");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE something(x)");
        }
        QuerentException e = assertThrows(QuerentException.class, () -> Database.open(file, false));
        assertTrue(e.getMessage().contains("not a Querent project"), e.getMessage());
    }

    @Test
    void anErrorInsideAWriteRollsBackInsteadOfCommittingHalfOfIt() {
        Path file = dir.resolve("p.querent");
        try (Database db = Database.open(file, true)) {
            ItemRepository items = new ItemRepository(db, Clock.systemUTC());
            AssertionError thrown = assertThrows(AssertionError.class, () -> db.write(c -> {
                items.upsert(List.of(item("half.txt", "half")));
                throw new AssertionError("native failure in the middle of a write");
            }));
            assertEquals("native failure in the middle of a write", thrown.getMessage());
            assertTrue(items.byKey("half.txt").isEmpty(), "the first half of the transaction was rolled back");
            items.upsert(List.of(item("after.txt", "after")));
            assertTrue(items.byKey("after.txt").isPresent(), "the connection is usable after the Error");
        }
    }

    @Test
    void anEmptyFileIsReportedAsDamagedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("empty.querent");
        Files.createFile(file);
        QuerentException e = assertThrows(QuerentException.class, () -> Database.open(file, false));
        assertEquals(ErrorKind.PROJECT, e.kind());
        assertTrue(e.getMessage().contains("is empty"), e.getMessage());
        assertEquals(0, Files.size(file), "never initialised in place");
    }

    @Test
    void aFileWithoutSqliteHeaderIsReportedAsDamaged() throws Exception {
        Path file = dir.resolve("junk.querent");
        Files.write(file, "this is not a database at all, just some text".getBytes());
        QuerentException e = assertThrows(QuerentException.class, () -> Database.open(file, false));
        assertTrue(e.getMessage().contains("damaged or not a Querent project"), e.getMessage());
    }

    @Test
    void anEmptySqliteDatabaseIsNotTurnedIntoAProject() throws Exception {
        Path file = dir.resolve("blank.querent");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 0");
            st.execute("VACUUM"); // writes the header page
        }
        assertTrue(Files.size(file) > 0);
        QuerentException e = assertThrows(QuerentException.class, () -> Database.open(file, false));
        assertTrue(e.getMessage().contains("not a Querent project"), e.getMessage());
    }

    @Test
    void theSameProjectThroughASymlinkOrAHardLinkIsRefused() throws Exception {
        Path file = dir.resolve("p.querent");
        Path other = Files.createDirectories(dir.resolve("elsewhere"));
        Path symlink = Files.createSymbolicLink(other.resolve("sym.querent"), file.toAbsolutePath());
        try (Database first = Database.open(file, true)) {
            Path hardLink = Files.createLink(other.resolve("hard.querent"), file);
            for (Path alias : List.of(symlink, hardLink)) {
                QuerentException e = assertThrows(QuerentException.class, () -> Database.open(alias, false),
                        alias.toString());
                assertTrue(e.getMessage().contains("already open"), e.getMessage());
            }
        }
        Database.open(other.resolve("hard.querent"), false).close();
    }

    @Test
    void aHardLinkToAProjectOpenInAnotherProcessIsRefused() throws Exception {
        Path file = dir.resolve("p.querent");
        Path hardLink = Files.createDirectories(dir.resolve("b")).resolve("alias.querent");
        try (Database first = Database.open(file, true)) {
            Files.createLink(hardLink, file);
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                    OpenProjectMain.class.getName(), hardLink.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertEquals(3, p.waitFor(), output);
            assertTrue(output.contains("already open"), output);
        }
    }

    @Test
    void aFullDiskFailsTheWriteWithAMessageAndKeepsEarlierDecisions() {
        Path file = dir.resolve("p.querent");
        try (Database db = Database.open(file, true)) {
            ItemRepository items = new ItemRepository(db, Clock.systemUTC());
            items.upsert(List.of(item("a.txt", "x".repeat(10))));
            long itemId = items.byKey("a.txt").orElseThrow().id();
            DecisionRepository decisions = new DecisionRepository(db, Clock.systemUTC());
            decisions.append(label(itemId, "kept"));
            // SQLite reports SQLITE_FULL when the file may not grow: the same error as a full disk.
            int pages = db.read(c -> {
                try (var rs = c.createStatement().executeQuery("PRAGMA page_count")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            db.read(c -> c.createStatement().execute("PRAGMA max_page_count = " + pages));
            QuerentException e = assertThrows(QuerentException.class,
                    () -> items.upsert(List.of(item("big.txt", "y".repeat(200_000)))));
            assertEquals(ErrorKind.STORAGE, e.kind(), e.getMessage() + " / " + e.getCause());
            assertTrue(e.getMessage().contains("disk is full"), e.getMessage());
            assertEquals(List.of("kept"), decisions.currentLabels().get(itemId).labels());

            // Space freed: the next decision is committed as usual.
            db.read(c -> c.createStatement().execute("PRAGMA max_page_count = 1000000"));
            decisions.append(label(itemId, "after"));
        }
        try (Database db = Database.open(file, false)) {
            DecisionRepository decisions = new DecisionRepository(db, Clock.systemUTC());
            assertEquals(List.of("after"), decisions.currentLabels().values().iterator().next().labels(),
                    "the decision after the full disk was committed");
        }
    }

    @Test
    void anErrorInsideAWriteRollsTheWholeTransactionBack() {
        Path file = dir.resolve("p.querent");
        try (Database db = Database.open(file, true)) {
            ItemRepository items = new ItemRepository(db, Clock.systemUTC());
            items.upsert(List.of(item("kept.txt", "kept")));
            assertThrows(OutOfMemoryError.class, () -> db.write(c -> {
                items.upsert(List.of(item("half.txt", "half")));
                throw new OutOfMemoryError("simulated, after half the work");
            }));
            assertTrue(items.byKey("half.txt").isEmpty(), "the write before the Error was rolled back");
            items.upsert(List.of(item("after.txt", "after")));
        }
        try (Database db = Database.open(file, false)) {
            ItemRepository items = new ItemRepository(db, Clock.systemUTC());
            assertTrue(items.byKey("half.txt").isEmpty(), "nothing of the failed write reached the file");
            assertTrue(items.byKey("kept.txt").isPresent() && items.byKey("after.txt").isPresent());
        }
    }

    @Test
    void aMigrationStoppedByAnErrorLeavesNoHalfAppliedSchema() throws Exception {
        Path file = dir.resolve("p.querent");
        try (Database db = Database.open(file, true)) {
            // The shape of a migration step: DDL, then the version bump, in one write; an Error in between.
            assertThrows(StackOverflowError.class, () -> db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE half_applied(x)");
                    st.execute("PRAGMA user_version = " + (Migrations.CURRENT_VERSION + 1));
                }
                throw new StackOverflowError("simulated native failure mid-migration");
            }));
            assertEquals(Migrations.CURRENT_VERSION, (int) db.read(Migrations::userVersion));
            assertEquals(0, (int) db.read(c -> {
                try (var rs = c.createStatement().executeQuery(
                        "SELECT count(*) FROM sqlite_master WHERE name = 'half_applied'")) {
                    rs.next();
                    return rs.getInt(1);
                }
            }));
        }
        Database.open(file, false).close(); // still a whole, current project
    }

    @Test
    void theSameProjectThroughASymlinkIsRefusedWhileOpen() throws Exception {
        Path file = dir.resolve("p.querent");
        Path other = Files.createDirectories(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(other.resolve("alias.querent"), file.toAbsolutePath());
        try (Database first = Database.open(file, true)) {
            QuerentException e = assertThrows(QuerentException.class, () -> Database.open(link, false));
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
            assertTrue(secondProcessOutput(link).contains("already open"), "refused in another process too");
        }
        Database.open(link, false).close();
    }

    @Test
    void theSameProjectThroughAHardLinkIsRefusedWhileOpen() throws Exception {
        Path file = dir.resolve("p.querent");
        Database.open(file, true).close();
        Path other = Files.createDirectories(dir.resolve("elsewhere"));
        Path hard = Files.createLink(other.resolve("hard.querent"), file);
        try (Database first = Database.open(file, false)) {
            QuerentException e = assertThrows(QuerentException.class, () -> Database.open(hard, false));
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
            assertTrue(secondProcessOutput(hard).contains("already open"), "refused in another process too");
        }
        Database.open(hard, false).close();
    }

    @Test
    void anEmptyProjectFileIsReportedAsDamagedAndLeftUntouched() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.querent"));
        QuerentException e = assertThrows(QuerentException.class, () -> Database.open(file, false));
        assertEquals(ErrorKind.PROJECT, e.kind());
        assertTrue(e.getMessage().contains("not a Querent project"), e.getMessage());
        assertTrue(e.getMessage().contains("init"), e.getMessage());
        assertEquals(0, Files.size(file), "not migrated in place");
    }

    @Test
    void anEmptySqliteFileIsNotMigratedIntoAProject() throws Exception {
        Path file = dir.resolve("blank.querent");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA page_size = 4096");
            st.execute("VACUUM"); // a valid SQLite file with no tables
        }
        QuerentException e = assertThrows(QuerentException.class, () -> Database.open(file, false));
        assertTrue(e.getMessage().contains("not a Querent project"), e.getMessage());
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "no schema was written into the file");
        }
    }

    @Test
    void aDamagedProjectFileIsReportedAsSuch() throws Exception {
        Path file = dir.resolve("junk.querent");
        Files.write(file, "this is not a database at all, just some text".repeat(100).getBytes());
        QuerentException e = assertThrows(QuerentException.class, () -> Database.open(file, false));
        assertTrue(e.getMessage().contains("not a Querent project"), e.getMessage());
    }

    private static String secondProcessOutput(Path project) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                OpenProjectMain.class.getName(), project.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(3, p.waitFor(), output);
        return output;
    }

    static NewItem item(String key, String body) {
        return new NewItem(key, key, -1, ItemKind.TEXT, "", body.length(), body.length(), 1L,
                Integer.toHexString(body.hashCode()) + key, body, null, null);
    }

    static DecisionRepository.NewDecision label(long itemId, String label) {
        return new DecisionRepository.NewDecision(itemId, "label", List.of(label), "ann", null, null, null, null, null,
                null, null, null, "annotator");
    }

    /** Opens a project in a separate JVM; exits 3 with the message when refused. */
    public static final class OpenProjectMain {
        public static void main(String[] args) {
            try (Database db = Database.open(Path.of(args[0]), false)) {
                System.exit(0);
            } catch (QuerentException e) {
                System.out.println(e.getMessage());
                System.exit(3);
            }
        }
    }
}
