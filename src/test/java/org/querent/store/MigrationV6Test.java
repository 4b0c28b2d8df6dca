package org.querent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compact embeddings: old files (the committed version-1 project, a schema-3 file) upgrade with every vector. */
class MigrationV6Test {
    @TempDir
    Path dir;

    @Test
    void theVersionOneProjectKeepsEveryVectorWithinHalfPrecision() throws Exception {
        Path file = dir.resolve("v1.querent");
        Files.copy(MigrationV2Test.FIXTURE, file);
        Map<String, float[]> before = rawVectors(file);
        assertEquals(10, before.size());
        try (Database db = Database.open(file, false)) {
            assertEquals(Migrations.CURRENT_VERSION, (int) db.read(Migrations::userVersion));
            assertVectorsKept(before, db);
        }
        assertFalse(schemaOf(file, "embedding").contains("WITHOUT ROWID"));
        assertEquals("", schemaOf(file, "embedding_float32"));
    }

    @Test
    void aSchemaThreeFileUpgradesAndItsVectorsShrinkOntoTheirPages() throws Exception {
        Path file = dir.resolve("v3.querent");
        int n = 600;
        Random random = new Random(3);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String script : List.of("V1__project.sql", "V2__teams.sql", "V3__work_packages.sql")) {
                try (var in = Migrations.class.getResourceAsStream("migrations/" + script)) {
                    for (String sql : Migrations.statements(new String(in.readAllBytes()))) {
                        st.execute(sql);
                    }
                }
            }
            st.execute("PRAGMA user_version = 3");
            st.execute("INSERT INTO model(hash, name, reference, input, dimension, class_labels, added_at) "
                    + "VALUES ('m', 'm', 'builtin:minilm', 'text', 384, '[]', '2026-01-01T00:00:00Z')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO embedding VALUES (?, 'm', ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    float[] v = new float[384];
                    for (int d = 0; d < v.length; d++) {
                        v[d] = (float) (random.nextGaussian() / Math.sqrt(384));
                    }
                    ps.setString(1, String.format("%064x", i));
                    ps.setBytes(2, Vectors.toBytes(v));
                    ps.setBytes(3, i % 2 == 0 ? Vectors.toBytes(new float[] {0.25f, 0.75f}) : null);
                    ps.executeUpdate();
                }
            }
        }
        Map<String, float[]> before = rawVectors(file);
        long pagesBefore = rawLong(file, "SELECT count(*) FROM dbstat WHERE name = 'embedding'");
        try (Database db = Database.open(file, false)) {
            assertVectorsKept(before, db);
            EmbeddingRepository repo = new EmbeddingRepository(db, Clock.systemUTC());
            assertEquals(n, repo.count("m"));
            assertEquals(List.of(0.25f, 0.75f), boxed(repo.all("m").get(String.format("%064x", 0)).classScores()));
            assertEquals(null, repo.all("m").get(String.format("%064x", 1)).classScores());
            // Saving again replaces in place: still one row per (content, model).
            repo.saveAll("m", List.of(new EmbeddingRepository.Embedding(String.format("%064x", 0), new float[384], null)));
            assertEquals(n, repo.count("m"));
            assertEquals(0f, repo.all("m").get(String.format("%064x", 0)).vector()[5]);
        }
        long pagesAfter = rawLong(file, "SELECT count(*) FROM dbstat WHERE name IN ('embedding', 'embedding_key')");
        assertEquals(0, rawLong(file, "PRAGMA freelist_count")); // the upgrade gave the old table's pages back
        // float32 rows each took a leaf page plus an overflow page; float16 rows fit four to a page.
        assertTrue(pagesBefore >= n, "before: " + pagesBefore + " pages");
        assertTrue(pagesAfter * 4096L <= 1.2 * n * 384 * 4, "after: " + pagesAfter + " pages");
    }

    private static List<Float> boxed(float[] v) {
        List<Float> out = new java.util.ArrayList<>();
        for (float f : v) {
            out.add(f);
        }
        return out;
    }

    private static void assertVectorsKept(Map<String, float[]> before, Database db) {
        String model = before.isEmpty() ? null : db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT m.hash FROM embedding e JOIN model m ON m.id = e.model_id LIMIT 1")) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        Map<String, EmbeddingRepository.Embedding> after = new EmbeddingRepository(db, Clock.systemUTC()).all(model);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((hash, v) -> {
            float[] w = after.get(hash).vector();
            assertEquals(v.length, w.length);
            for (int d = 0; d < v.length; d++) {
                assertEquals(v[d], w[d], Math.abs(v[d]) * 0x1p-11f + 1e-7f, hash + "[" + d + "]");
            }
        });
    }

    private static Map<String, float[]> rawVectors(Path file) throws Exception {
        Map<String, float[]> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT content_hash, vector FROM embedding")) {
            while (rs.next()) {
                out.put(rs.getString(1), Vectors.fromBytes(rs.getBytes(2)));
            }
        }
        return out;
    }

    private static String schemaOf(Path file, String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sql FROM sqlite_master WHERE name = '" + table + "'")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private static long rawLong(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
