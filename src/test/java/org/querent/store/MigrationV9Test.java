package org.querent.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V9: a file of the schema before it (7, what the released build writes) keeps every embedding, BLOB
 * for BLOB, under the same model hash, and its key index gets narrower.
 */
class MigrationV9Test {
    private static final String TEXT_MODEL = "a".repeat(64);
    private static final String IMAGE_MODEL = "b".repeat(64);
    private static final int ITEMS = 300;

    @TempDir
    Path dir;

    @Test
    void aSchemaSevenFileKeepsEveryEmbeddingUnderItsModelHash() throws Exception {
        Path file = dir.resolve("v7.querent");
        schemaSevenFile(file);
        Map<String, byte[]> textBefore = rawRows(file, "SELECT content_hash, vector FROM embedding WHERE model_hash = '"
                + TEXT_MODEL + "'");
        Map<String, byte[]> scoresBefore = rawRows(file, "SELECT content_hash, class_scores FROM embedding "
                + "WHERE model_hash = '" + IMAGE_MODEL + "'");
        Map<String, byte[]> imageBefore = rawRows(file, "SELECT content_hash, vector FROM embedding WHERE model_hash = '"
                + IMAGE_MODEL + "'");
        Map<String, byte[]> idsBefore = rawRows(file, "SELECT model_hash || content_hash, CAST(id AS TEXT) FROM embedding");
        long keyBytesBefore = rawLong(file, "SELECT sum(pgsize) FROM dbstat WHERE name = 'embedding_key'");
        assertEquals(ITEMS, textBefore.size());
        assertEquals(ITEMS / 2, imageBefore.size());

        try (Database db = Database.open(file, false)) {
            assertEquals(9, (int) db.read(Migrations::userVersion));
            EmbeddingRepository repo = new EmbeddingRepository(db, Clock.systemUTC());
            assertEquals(ITEMS, repo.count(TEXT_MODEL));
            assertEquals(ITEMS / 2, repo.count(IMAGE_MODEL));
            assertEquals(ITEMS / 2, repo.countMissing(IMAGE_MODEL));
            assertEquals(0, repo.countMissing(TEXT_MODEL));
            Map<String, EmbeddingRepository.Embedding> text = repo.all(TEXT_MODEL);
            Map<String, EmbeddingRepository.Embedding> image = repo.all(IMAGE_MODEL);
            assertEquals(textBefore.keySet(), text.keySet());
            assertEquals(imageBefore.keySet(), image.keySet());
            image.forEach((hash, e) -> assertArrayEquals(Vectors.fromBytes(scoresBefore.get(hash)), e.classScores(), hash));
            List<Long> pool = new ArrayList<>();
            repo.forEachPoolRow(IMAGE_MODEL, (id, hash, half, scores) -> pool.add(id));
            assertEquals(ITEMS / 2, pool.size());
            // A model registered after the upgrade gets an id of its own; storing again replaces in place.
            repo.registerModel("c".repeat(64), "new", "builtin:new", "text", 4, List.of());
            repo.saveAll("c".repeat(64), List.of(new EmbeddingRepository.Embedding(hash(0), new float[] {1, 0, 0, 0}, null)));
            repo.saveAll(TEXT_MODEL, List.of(new EmbeddingRepository.Embedding(hash(0), new float[8], null)));
            assertEquals(ITEMS, repo.count(TEXT_MODEL));
            assertEquals(1, repo.count("c".repeat(64)));
            assertEquals(0f, repo.all(TEXT_MODEL).get(hash(0)).vector()[3]);
            assertEquals(1f, repo.all("c".repeat(64)).get(hash(0)).vector()[0]);
        }
        // The stored bytes themselves are unchanged (no float16 round trip), and so are the row ids.
        String join = " FROM embedding e JOIN model m ON m.id = e.model_id WHERE m.hash = '";
        Map<String, byte[]> textAfter = rawRows(file, "SELECT e.content_hash, e.vector" + join + TEXT_MODEL + "'");
        textAfter.remove(hash(0));
        textBefore.remove(hash(0));
        assertBytesEqual(textBefore, textAfter);
        assertBytesEqual(imageBefore, rawRows(file, "SELECT e.content_hash, e.vector" + join + IMAGE_MODEL + "'"));
        Map<String, byte[]> idsAfter = rawRows(file, "SELECT m.hash || e.content_hash, CAST(e.id AS TEXT) "
                + "FROM embedding e JOIN model m ON m.id = e.model_id WHERE m.hash <> '" + "c".repeat(64) + "'");
        assertBytesEqual(idsBefore, idsAfter);
        assertNotEquals(rawLong(file, "SELECT id FROM model WHERE hash = '" + TEXT_MODEL + "'"),
                rawLong(file, "SELECT id FROM model WHERE hash = '" + IMAGE_MODEL + "'"));
        assertEquals(0, rawLong(file, "SELECT count(*) FROM pragma_foreign_key_check"));
        assertEquals(0, rawLong(file, "PRAGMA freelist_count")); // the old table's pages went back
        assertEquals("", rawString(file, "SELECT name FROM sqlite_master WHERE name = 'embedding_by_model_id'"));
        assertTrue(rawString(file, "SELECT sql FROM sqlite_master WHERE name = 'embedding_key'")
                .contains("(model_id, content_hash)"));
        // The key holds an integer and one hash instead of two hashes: well under two thirds of the bytes.
        long keyBytesAfter = rawLong(file, "SELECT sum(pgsize) FROM dbstat WHERE name = 'embedding_key'");
        assertTrue(keyBytesAfter < keyBytesBefore * 2 / 3, keyBytesBefore + " -> " + keyBytesAfter);
    }

    @Test
    void deletingAnEmbeddingStillMovesTheItemGeneration() throws Exception {
        Path file = dir.resolve("v7.querent");
        schemaSevenFile(file);
        try (Database db = Database.open(file, false)) {
            long before = generation(db);
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("DELETE FROM embedding WHERE content_hash = '" + hash(1) + "'");
                }
            });
            assertTrue(generation(db) > before, "the delete trigger came along with the new table");
            assertEquals(ITEMS / 2, new EmbeddingRepository(db, Clock.systemUTC()).countMissing(IMAGE_MODEL));
            assertEquals(1, new EmbeddingRepository(db, Clock.systemUTC()).countMissing(TEXT_MODEL));
        }
    }

    private static long generation(Database db) {
        return db.read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'items.generation'")) {
                return rs.next() ? Long.parseLong(rs.getString(1)) : -1;
            }
        });
    }

    /**
     * A project at schema 7, written with the scripts as they were: items, a text model's vectors for all of them,
     * an image model's vectors and class scores for half, and a head (it references its model by hash).
     */
    private static void schemaSevenFile(Path file) throws Exception {
        Random random = new Random(9);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys=ON");
            c.setAutoCommit(false);
            for (String script : List.of("V1__project.sql", "V2__teams.sql", "V3__work_packages.sql",
                    "V4__evaluation.sql", "V5__audio.sql", CompactEmbeddings.SCRIPT, "V7__item_generation.sql")) {
                try (var in = Migrations.class.getResourceAsStream("migrations/" + script)) {
                    for (String sql : Migrations.statements(new String(in.readAllBytes()))) {
                        st.execute(sql);
                    }
                }
                if (script.equals(CompactEmbeddings.SCRIPT)) {
                    CompactEmbeddings.migrate(c);
                }
            }
            st.execute("PRAGMA user_version = 7");
            for (String[] m : new String[][] {{TEXT_MODEL, "text", "8"}, {IMAGE_MODEL, "image", "16"}}) {
                st.execute("INSERT INTO model(hash, name, reference, input, dimension, class_labels, added_at) VALUES ('"
                        + m[0] + "', 'm', 'r', '" + m[1] + "', " + m[2] + ", '[\"x\",\"y\"]', '2026-12-01T00:00:00Z')");
            }
            try (PreparedStatement item = c.prepareStatement("INSERT INTO item(item_key, path, kind, source, size, file_size, "
                    + "modified_ms, content_hash, state, added_at, updated_at) VALUES (?, ?, 'TEXT', 'folder', 1, 1, 0, ?, "
                    + "'active', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')");
                 PreparedStatement embedding = c.prepareStatement("INSERT INTO embedding(content_hash, model_hash, vector, "
                         + "class_scores) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < ITEMS; i++) {
                    item.setString(1, "t" + i + ".txt");
                    item.setString(2, "t" + i + ".txt");
                    item.setString(3, hash(i));
                    item.executeUpdate();
                    embedding.setString(1, hash(i));
                    embedding.setString(2, TEXT_MODEL);
                    embedding.setBytes(3, Vectors.toHalfBytes(vector(random, 8)));
                    embedding.setBytes(4, null);
                    embedding.executeUpdate();
                    if (i % 2 == 0) {
                        embedding.setString(1, hash(i));
                        embedding.setString(2, IMAGE_MODEL);
                        embedding.setBytes(3, Vectors.toHalfBytes(vector(random, 16)));
                        embedding.setBytes(4, Vectors.toBytes(new float[] {random.nextFloat(), random.nextFloat()}));
                        embedding.executeUpdate();
                    }
                }
            }
            st.execute("INSERT INTO head(parent_version, model_hash, created_at, class_names, weights, label_count, "
                    + "last_event_id, provenance, uid) VALUES (NULL, '" + TEXT_MODEL + "', '2026-12-01T00:00:00Z', "
                    + "'[\"x\",\"y\"]', x'00', 0, 0, '{}', 'h1')");
            c.commit();
        }
    }

    private static String hash(int i) {
        return String.format("%064x", i * 2654435761L);
    }

    private static float[] vector(Random random, int dim) {
        float[] v = new float[dim];
        for (int d = 0; d < dim; d++) {
            v[d] = (float) random.nextGaussian();
        }
        return v;
    }

    private static void assertBytesEqual(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), k));
    }

    private static Map<String, byte[]> rawRows(Path file, String sql) throws Exception {
        Map<String, byte[]> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getBytes(2));
            }
        }
        return out;
    }

    private static long rawLong(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static String rawString(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }
}
