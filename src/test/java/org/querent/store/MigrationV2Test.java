package org.querent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.QuerentException;

/** Upgrading the committed version-1 project (made by the version-1 CLI, see resources/.../v1/README.md). */
class MigrationV2Test {
    static final Path FIXTURE = Path.of("src/test/resources/org/querent/store/v1/v1.querent");
    private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void copyFixture() throws Exception {
        file = dir.resolve("v1.querent");
        Files.copy(FIXTURE, file);
    }

    @Test
    void theFixtureIsAVersionOneFile() throws Exception {
        assertEquals(1, rawInt(file, "PRAGMA user_version"));
    }

    @Test
    void upgradingKeepsEveryDecisionAndEveryCurrentLabel() throws Exception {
        Map<Long, String> before = rawCurrentLabels(file);
        List<String> historyBefore = rawRows(file, "SELECT id || ' ' || item_id || ' ' || kind || ' ' || coalesce(labels, '-') "
                + "|| ' ' || annotator || ' ' || decided_at || ' ' || coalesce(undoes, '-') || ' ' || coalesce(note, '-') "
                + "FROM decision ORDER BY id");
        assertEquals(11, historyBefore.size());
        try (Database db = Database.open(file, false)) {
            assertEquals(Migrations.CURRENT_VERSION, (int) db.read(Migrations::userVersion));
            DecisionRepository decisions = new DecisionRepository(db, Clock.systemUTC());
            Map<Long, String> after = new LinkedHashMap<>();
            decisions.currentLabels().forEach((item, d) -> after.put(item, String.join(",", d.labels())));
            assertEquals(before, after);
            assertEquals(Set.of(2L, 10L), new HashSet<>(decisions.setAside()));
        }
        List<String> historyAfter = rawRows(file, "SELECT id || ' ' || item_id || ' ' || kind || ' ' || coalesce(labels, '-') "
                + "|| ' ' || annotator || ' ' || decided_at || ' ' || coalesce(undoes, '-') || ' ' || coalesce(note, '-') "
                + "FROM decision ORDER BY id");
        assertEquals(historyBefore, historyAfter);
    }

    @Test
    void oldDecisionsGetDistinctGlobalIdsAndTaxonomyVersionOne() throws Exception {
        Database.open(file, false).close();
        List<String> uids = rawRows(file, "SELECT uid FROM decision ORDER BY id");
        assertEquals(11, uids.size());
        assertEquals(11, new HashSet<>(uids).size());
        uids.forEach(u -> assertTrue(u.matches(UUID_V4), u));
        assertEquals(List.of("1"), rawRows(file, "SELECT DISTINCT taxonomy_version FROM decision"));
        try (Database db = Database.open(file, false)) {
            List<TaxonomyVersion> versions = new TaxonomyVersionRepository(db, Clock.systemUTC()).versions();
            assertEquals(1, versions.size());
            assertEquals("initial", versions.get(0).change());
            assertTrue(versions.get(0).uid().matches(UUID_V4), versions.get(0).uid());
            assertEquals(List.of("ham", "spam"), versions.get(0).labels().stream().map(LabelDefinition::name).toList());
        }
    }

    @Test
    void theProjectGetsAnIdentityThatItsCopiesShare() throws Exception {
        Path copy = dir.resolve("copy.querent");
        Database.open(file, false).close();
        Files.copy(file, copy);
        try (Database db = Database.open(file, false); Database other = Database.open(copy, false)) {
            String id = new MetaRepository(db).get("project_id").orElseThrow();
            assertTrue(id.matches(UUID_V4), id);
            assertEquals(id, new MetaRepository(other).get("project_id").orElseThrow());
        }
        try (Database fresh = Database.open(dir.resolve("new.querent"), true)) {
            String id = new MetaRepository(fresh).get("project_id").orElseThrow();
            assertTrue(id.matches(UUID_V4), id);
            assertTrue(!id.equals(rawRows(file, "SELECT value FROM meta WHERE key = 'project_id'").get(0)));
        }
    }

    @Test
    void newDecisionsGetAGlobalIdAndTheTaxonomyVersionInForce() throws Exception {
        try (Database db = Database.open(file, false)) {
            TaxonomyVersionRepository taxonomy = new TaxonomyVersionRepository(db, Clock.systemUTC());
            taxonomy.publish("add", Map.of("name", "phishing"), List.of(new LabelDefinition("ham", "", null),
                    new LabelDefinition("spam", "", null), new LabelDefinition("phishing", "", null)), Map.of(),
                    "lena", "phishing is its own problem");
            Decision d = new DecisionRepository(db, Clock.systemUTC()).append(new DecisionRepository.NewDecision(5,
                    "label", List.of("phishing"), "ana", null, null, null, null, 1, null, null, null, "annotator"));
            TeamDecisionRepository team = new TeamDecisionRepository(db, Clock.systemUTC());
            assertEquals(2, team.taxonomyVersionOf(d.id()).orElseThrow());
            assertTrue(team.uidOf(d.id()).orElseThrow().matches(UUID_V4));
        }
    }

    @Test
    void theFileRefusesToRewriteOrDeleteADecision() {
        try (Database db = Database.open(file, false)) {
            QuerentException update = assertThrows(QuerentException.class, () -> db.write(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("UPDATE decision SET labels = '[\"spam\"]' WHERE id = 2");
                }
            }));
            assertTrue(update.getCause().getMessage().contains("append-only"), update.getCause().getMessage());
            assertThrows(QuerentException.class, () -> db.write(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("DELETE FROM decision WHERE id = 2");
                }
            }));
            assertEquals("[\"ham\"]", db.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT labels FROM decision WHERE id = 2")) {
                    rs.next();
                    return rs.getString(1);
                }
            }));
        }
    }

    @Test
    void theHeadAndItemsSurviveTheUpgrade() throws Exception {
        try (Database db = Database.open(file, false)) {
            assertNotNull(new HeadRepository(db, Clock.systemUTC()).toString());
        }
        assertEquals(1, rawInt(file, "SELECT count(*) FROM head"));
        assertEquals(10, rawInt(file, "SELECT count(*) FROM item"));
        assertEquals(10, rawInt(file, "SELECT count(*) FROM embedding"));
    }

    @Test
    void aVersionTwoFileIsRefusedByAVersionOneReader() {
        Database.open(file, false).close();
        QuerentException e = assertThrows(QuerentException.class, () -> Migrations.refuseNewer(readVersion(), 1));
        assertTrue(e.getMessage().contains("newer Querent"), e.getMessage());
        Migrations.refuseNewer(readVersion(), Migrations.CURRENT_VERSION);
    }

    private int readVersion() {
        try {
            return rawInt(file, "PRAGMA user_version");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Current labels as the version-1 view gives them, read without opening (so without migrating) the file. */
    private static Map<Long, String> rawCurrentLabels(Path file) throws Exception {
        Map<Long, String> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT item_id, labels FROM current_label ORDER BY id")) {
            while (rs.next()) {
                out.put(rs.getLong(1), String.join(",", Json.stringList(rs.getString(2))));
            }
        }
        return out;
    }

    private static List<String> rawRows(Path file, String sql) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static int rawInt(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }
}
