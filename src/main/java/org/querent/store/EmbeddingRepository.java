package org.querent.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Embeddings and class scores keyed by (content hash, model hash), and the models that made them. Vectors are
 * stored as float16 (half the bytes, cosines within about 1e-4, see ADR 0017) and read back as float32. In the
 * file a row names its model by the model's small integer id, which keeps the key index narrow (ADR 0026);
 * callers only ever see model hashes.
 */
public final class EmbeddingRepository {
    /** The id of the model whose hash is the next parameter: evaluated once per statement, not per row. */
    private static final String MODEL_ID = "(SELECT id FROM model WHERE hash = ?)";

    private final Database db;
    private final Clock clock;

    public EmbeddingRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** One stored model output. */
    public record Embedding(String contentHash, float[] vector, float[] classScores) {
    }

    /** Records a model the first time it is used. */
    public void registerModel(String hash, String name, String reference, String input, int dimension,
                              List<String> classLabels) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO model(hash, name, reference, input, "
                    + "dimension, class_labels, added_at, id) VALUES (?,?,?,?,?,?,?, "
                    + "(SELECT coalesce(max(id), 0) + 1 FROM model))")) {
                ps.setString(1, hash);
                ps.setString(2, name);
                ps.setString(3, reference);
                ps.setString(4, input);
                ps.setInt(5, dimension);
                ps.setString(6, Json.write(classLabels));
                ps.setString(7, Timestamps.now(clock));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The class labels a registered model's own output maps to, or empty when the model is not registered. */
    public Optional<List<String>> classLabels(String modelHash) {
        return modelColumn(modelHash, "class_labels").map(Json::stringList);
    }

    /** "text" or "image" for a registered model. */
    public Optional<String> input(String modelHash) {
        return modelColumn(modelHash, "input");
    }

    private Optional<String> modelColumn(String modelHash, String column) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM model WHERE hash = ?")) {
                ps.setString(1, modelHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Distinct content hashes of active, non-duplicate items that have no embedding for the model, by item id. */
    public List<String> missingHashes(String modelHash) {
        return db.scan(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT i.content_hash FROM item i "
                    + "WHERE i.state = 'active' AND i.duplicate_of IS NULL AND NOT EXISTS "
                    + "(SELECT 1 FROM embedding e WHERE e.model_id = " + MODEL_ID + " AND e.content_hash = i.content_hash) "
                    + "GROUP BY i.content_hash ORDER BY min(i.id)")) {
                ps.setString(1, modelHash);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** Stores a batch of outputs in one transaction: a batch is either wholly saved or not at all. */
    public void saveAll(String modelHash, List<Embedding> batch) {
        db.write(c -> {
            long modelId = modelId(c, modelHash);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO embedding(content_hash, model_id, "
                    + "vector, class_scores) VALUES (?,?,?,?) ON CONFLICT (model_id, content_hash) DO UPDATE SET "
                    + "vector = excluded.vector, class_scores = excluded.class_scores")) {
                for (Embedding e : batch) {
                    ps.setString(1, e.contentHash());
                    ps.setLong(2, modelId);
                    ps.setBytes(3, Vectors.toHalfBytes(e.vector()));
                    ps.setBytes(4, e.classScores() == null ? null : Vectors.toBytes(e.classScores()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Every stored embedding of the model, by content hash. */
    public Map<String, Embedding> all(String modelHash) {
        return db.scan(c -> {
            Map<String, Embedding> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT content_hash, vector, class_scores FROM embedding WHERE model_id = " + MODEL_ID)) {
                ps.setString(1, modelHash);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String hash = rs.getString(1);
                        out.put(hash, new Embedding(hash, Vectors.fromHalfBytes(rs.getBytes(2)),
                                Vectors.fromBytes(rs.getBytes(3))));
                    }
                }
            }
            return out;
        });
    }

    /** One pool row as stored: the item, its content, the float16 vector BLOB and the float32 class scores BLOB. */
    @FunctionalInterface
    public interface PoolRowConsumer {
        void accept(long itemId, String contentHash, byte[] halfVector, byte[] classScores);
    }

    /** Active, non-duplicate items: the bound on a pool's size, counted without reading a vector. */
    public int poolCandidates() {
        return db.scan(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM item WHERE state = 'active' AND duplicate_of IS NULL");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /**
     * Streams the pool of a model in item id order: every active, non-duplicate item with an embedding. No item
     * record or body is read, and nothing is held here, so a million rows cost only what the consumer keeps.
     */
    public void forEachPoolRow(String modelHash, PoolRowConsumer consumer) {
        db.scan(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT i.id, i.content_hash, e.vector, e.class_scores "
                    + "FROM item i JOIN embedding e ON e.model_id = " + MODEL_ID + " AND e.content_hash = i.content_hash "
                    + "WHERE i.state = 'active' AND i.duplicate_of IS NULL ORDER BY i.id")) {
                ps.setString(1, modelHash);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4));
                    }
                }
            }
            return null;
        });
    }

    /** The item ids of the model's pool (active, not duplicates, embedded) in id order, as the pool holds them. */
    public long[] poolIds(String modelHash) {
        return db.scan(c -> {
            long[] out = new long[1024];
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT i.id FROM item i WHERE i.state = 'active' "
                    + "AND i.duplicate_of IS NULL AND EXISTS (SELECT 1 FROM embedding e WHERE e.model_id = " + MODEL_ID
                    + " AND e.content_hash = i.content_hash) ORDER BY i.id")) {
                ps.setString(1, modelHash);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (n == out.length) {
                            out = Arrays.copyOf(out, n * 2);
                        }
                        out[n++] = rs.getLong(1);
                    }
                }
            }
            return Arrays.copyOf(out, n);
        });
    }

    /** The vectors of the given items that are in the model's pool (active, not duplicates, embedded), by item id. */
    public Map<Long, float[]> poolVectorsOf(String modelHash, java.util.Collection<Long> itemIds) {
        return db.scan(c -> {
            Map<Long, float[]> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT e.vector FROM item i JOIN embedding e "
                    + "ON e.model_id = " + MODEL_ID + " AND e.content_hash = i.content_hash "
                    + "WHERE i.id = ? AND i.state = 'active' AND i.duplicate_of IS NULL")) {
                ps.setString(1, modelHash);
                for (long id : itemIds) {
                    ps.setLong(2, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.put(id, Vectors.fromHalfBytes(rs.getBytes(1)));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** The embedding size of a registered model, or empty when the model is not registered. */
    public Optional<Integer> dimension(String modelHash) {
        return modelColumn(modelHash, "dimension").map(Integer::valueOf);
    }

    /** Active, non-duplicate items that have no embedding of the model yet. */
    public int countMissing(String modelHash) {
        return countWithoutEmbedding(modelHash, "count(*)");
    }

    /**
     * How many distinct contents {@link #missingHashes} would list, counted in SQL without holding the list (a
     * million unscored rows would be a million strings in the heap).
     */
    public int countMissingContents(String modelHash) {
        return countWithoutEmbedding(modelHash, "count(DISTINCT i.content_hash)");
    }

    private int countWithoutEmbedding(String modelHash, String count) {
        return db.scan(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + count + " FROM item i WHERE i.state = 'active' "
                    + "AND i.duplicate_of IS NULL AND NOT EXISTS (SELECT 1 FROM embedding e "
                    + "WHERE e.model_id = " + MODEL_ID + " AND e.content_hash = i.content_hash)")) {
                ps.setString(1, modelHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /** Receives vectors computed elsewhere (float16 BLOBs, as {@link Vectors#toHalfBytes} makes them). */
    @FunctionalInterface
    public interface ImportSink {
        /** @param itemKey the row's key where it came from, for the report of rows with no item here; may be null */
        void add(String contentHash, byte[] halfVector, String itemKey);
    }

    /** Feeds an import; runs inside its transaction, so anything it throws undoes the whole import. */
    @FunctionalInterface
    public interface ImportSource {
        void feed(ImportSink sink);
    }

    /**
     * What an import did: rows stored, rows whose vector was stored already (a second import adds nothing), and
     * rows whose content no item of the project has, with the first few of their keys.
     */
    public record ImportCounts(long stored, long alreadyStored, long notInProject, List<String> firstNotInProject) {
    }

    /**
     * Stores precomputed vectors of the items whose content hash is in the project, in one transaction: it is
     * committed when the source returns and rolled back whole when it throws (bad row, cancellation). A vector
     * already stored for the content and model is kept, so importing twice adds nothing.
     */
    /** SQLite's page cache during an import, in KiB (a negative cache_size): enough for both key indexes of 1M rows. */
    private static final int IMPORT_CACHE_KIB = -256 * 1024;

    public ImportCounts importVectors(String modelHash, int keysToReport, ImportSource source) {
        return db.write(c -> {
            // Rows come in content-hash order, which is random: a page cache of SQLite's default 2 MB would
            // re-read the two key indexes from the OS at nearly every row. Set for this import, then restored.
            long cachePages;
            try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA cache_size")) {
                cachePages = rs.next() ? rs.getLong(1) : -2000;
            }
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("PRAGMA cache_size=" + IMPORT_CACHE_KIB);
            }
            // The project's content hashes in memory decide item or not without a lookup per row; a project with
            // a hash that is not SHA-256 hex (none made by import) falls back to asking SQLite row by row.
            ContentHashTable items = projectHashes(c);
            long modelId = modelId(c, modelHash);
            try (PreparedStatement insert = c.prepareStatement(items != null
                    ? "INSERT INTO embedding(content_hash, model_id, vector) VALUES (?1, ?2, ?3) "
                            + "ON CONFLICT (model_id, content_hash) DO NOTHING"
                    : "INSERT INTO embedding(content_hash, model_id, vector) "
                            + "SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM item WHERE content_hash = ?1) "
                            + "ON CONFLICT (model_id, content_hash) DO NOTHING");
                 PreparedStatement known = c.prepareStatement("SELECT 1 FROM item WHERE content_hash = ? LIMIT 1")) {
                VectorImport run = new VectorImport(modelId, insert, known, items, keysToReport);
                source.feed(run);
                run.flush();
                return run.counts();
            } catch (VectorImport.Failure e) {
                throw e.sql;
            } finally {
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("PRAGMA cache_size=" + cachePages);
                }
            }
        });
    }

    /** The file's id of a registered model; storing for a model that is not registered is a mistake of the caller. */
    private static long modelId(java.sql.Connection c, String modelHash) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM model WHERE hash = ?")) {
            ps.setString(1, modelHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        throw new java.sql.SQLException("the model " + modelHash + " is not registered in this project");
    }

    /** Every item's content hash, or null when one is not SHA-256 hex. */
    private static ContentHashTable projectHashes(java.sql.Connection c) throws java.sql.SQLException {
        try (java.sql.Statement st = c.createStatement();
             ResultSet count = st.executeQuery("SELECT count(*) FROM item")) {
            ContentHashTable table = new ContentHashTable(count.next() ? count.getInt(1) : 0);
            try (ResultSet rs = st.executeQuery("SELECT content_hash FROM item")) {
                while (rs.next()) {
                    if (!table.add(rs.getString(1))) {
                        return null;
                    }
                }
            }
            return table;
        }
    }

    /** Buffers rows into batched inserts and sorts out, for the rows that inserted nothing, why not. */
    private static final class VectorImport implements ImportSink {
        private static final int BATCH = 1000;

        /** Carries an SQLException out of the sink, whose signature cannot throw it. */
        static final class Failure extends RuntimeException {
            private static final long serialVersionUID = 1L;
            final java.sql.SQLException sql;

            Failure(java.sql.SQLException sql) {
                super(sql);
                this.sql = sql;
            }
        }

        private final long modelId;
        private final PreparedStatement insert;
        private final PreparedStatement known;
        private final List<String> hashes = new ArrayList<>(BATCH);
        private final List<String> keys = new ArrayList<>(BATCH);
        private final List<String> firstMissing = new ArrayList<>();
        private final int keysToReport;
        private long stored;
        private long already;
        private long missing;

        private final ContentHashTable items;

        VectorImport(long modelId, PreparedStatement insert, PreparedStatement known, ContentHashTable items,
                     int keysToReport) {
            this.items = items;
            this.insert = insert;
            this.known = known;
            this.keysToReport = keysToReport;
            this.modelId = modelId;
        }

        @Override
        public void add(String contentHash, byte[] halfVector, String itemKey) {
            if (items != null && !items.contains(contentHash)) {
                noItem(contentHash, itemKey);
                return;
            }
            try {
                insert.setString(1, contentHash);
                insert.setLong(2, modelId); // executeBatch clears every parameter
                insert.setBytes(3, halfVector);
                insert.addBatch();
                hashes.add(contentHash);
                keys.add(itemKey);
                if (hashes.size() >= BATCH) {
                    flush();
                }
            } catch (java.sql.SQLException e) {
                throw new Failure(e);
            }
        }

        void flush() throws java.sql.SQLException {
            if (hashes.isEmpty()) {
                return;
            }
            int[] counts = insert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    stored++;
                    continue;
                }
                if (items != null) {
                    already++; // the item is known, so the conflict did it
                    continue;
                }
                known.setString(1, hashes.get(i));
                try (ResultSet rs = known.executeQuery()) {
                    if (rs.next()) {
                        already++;
                    } else {
                        noItem(hashes.get(i), keys.get(i));
                    }
                }
            }
            hashes.clear();
            keys.clear();
        }

        private void noItem(String contentHash, String itemKey) {
            missing++;
            if (firstMissing.size() < keysToReport) {
                firstMissing.add(itemKey != null ? itemKey : "(content " + contentHash + ")");
            }
        }

        ImportCounts counts() {
            return new ImportCounts(stored, already, missing, List.copyOf(firstMissing));
        }
    }

    /** The largest embedding row id, 0 when there is none: new rows only ever get larger ones (ADR 0025). */
    public long maxId() {
        return db.read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM embedding")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /**
     * Embeddings of the model whose row id is in {@code (after, upTo]}. From 0, a scan of the key index (the rows
     * themselves hold the vectors: 1.3 GB at a million); from a later id, the rows after it by rowid.
     */
    public int countInIdRange(String modelHash, long after, long upTo) {
        return db.read(c -> {
            String sql = after <= 0 ? "SELECT count(*) FROM embedding WHERE model_id = " + MODEL_ID + " AND +id <= ?"
                    : "SELECT count(*) FROM embedding WHERE +model_id = " + MODEL_ID + " AND id <= ? AND id > ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, modelHash);
                ps.setLong(2, upTo);
                if (after > 0) {
                    ps.setLong(3, after);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    public int count(String modelHash) {
        return db.scan(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM embedding WHERE model_id = " + MODEL_ID)) {
                ps.setString(1, modelHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }
}
