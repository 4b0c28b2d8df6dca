package org.querent.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.querent.common.ItemKind;
import org.querent.common.audio.AudioFacts;

/** Items of the dataset: inserted and updated by imports, never deleted (removed items keep their history). */
public final class ItemRepository {
    private static final String COLUMNS = "id, item_key, path, row_index, kind, source, size, content_hash, body, "
            + "folder_label, state, quarantine_reason, duplicate_of, sample_rate, channels, frames, codec";

    private final Database db;
    private final Clock clock;

    public ItemRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What an upsert did to one item. */
    public enum Change { ADDED, CHANGED, UNCHANGED }

    /** The file stamp each live item was imported with, by item key (rows carry their file's stamp). */
    public Map<String, FileStamp> knownStamps() {
        return db.read(c -> {
            Map<String, FileStamp> out = new HashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT item_key, file_size, modified_ms FROM item WHERE state <> 'removed'")) {
                while (rs.next()) {
                    out.put(rs.getString(1), new FileStamp(rs.getLong(2), rs.getLong(3)));
                }
            }
            return out;
        });
    }

    /** The index that finds items by content (duplicates, embeddings); dropped during a large import. */
    static final String CONTENT_HASH_INDEX = "CREATE INDEX IF NOT EXISTS item_content_hash ON item (content_hash)";

    /**
     * Drops the content-hash index for a bulk load: keeping a B-tree of random 64-character hashes up to date row by
     * row cost about as much as the rest of each insert, and building it once afterwards costs a third of that
     * (ADR 0021). {@link #restoreContentIndex} builds it again; so does every opening of the project, in case the
     * import was killed in between, so a project never stays without it past its next open.
     */
    public void suspendContentIndex() {
        db.write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("DROP INDEX IF EXISTS item_content_hash");
            }
            return null;
        });
    }

    /** Builds the content-hash index if it is missing (a no-op when it is there). */
    public void restoreContentIndex() {
        db.write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute(CONTENT_HASH_INDEX);
            }
            return null;
        });
    }

    /** Live items (not removed) per file path: a file's rows, or 1 for a whole file. */
    public Map<String, Integer> liveCountsByPath() {
        return db.read(c -> {
            Map<String, Integer> out = new HashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT path, count(*) FROM item WHERE state <> 'removed' GROUP BY path")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    /** Inserts or updates scanned items in one transaction. */
    public Map<String, Change> upsert(List<NewItem> items) {
        return upsert(items, Map.of());
    }

    /**
     * Inserts or updates scanned items and, in the same transaction, sets the file stamp of already stored items
     * by key (an import restamps the first row of a large file once its last row is stored).
     */
    public Map<String, Change> upsert(List<NewItem> items, Map<String, FileStamp> restamps) {
        return db.write(c -> {
            Map<String, Change> changes = new LinkedHashMap<>();
            String now = Timestamps.now(clock);
            // New keys are inserted in JDBC batches; a key already stored makes its insert do nothing and is then
            // compared and updated alone (a re-import of changed files is the rarer, smaller case).
            List<NewItem> stored = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO item(item_key, path, row_index, kind, source, "
                    + "size, file_size, modified_ms, content_hash, body, folder_label, state, quarantine_reason, added_at, "
                    + "updated_at, sample_rate, channels, frames, codec) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                    + "ON CONFLICT (item_key) DO NOTHING")) {
                for (int from = 0; from < items.size(); from += INSERT_BATCH) {
                    List<NewItem> batch = items.subList(from, Math.min(items.size(), from + INSERT_BATCH));
                    for (NewItem item : batch) {
                        insert.setString(1, item.key());
                        insert.setString(2, item.path());
                        insert.setInt(3, item.row());
                        insert.setString(4, item.kind().name());
                        insert.setString(5, item.source());
                        insert.setLong(6, item.size());
                        insert.setLong(7, item.fileSize());
                        insert.setLong(8, item.modifiedMillis());
                        insert.setString(9, item.contentHash());
                        insert.setString(10, item.body());
                        insert.setString(11, item.folderLabel());
                        insert.setString(12, stateOf(item));
                        insert.setString(13, item.quarantineReason());
                        insert.setString(14, now);
                        insert.setString(15, now);
                        setAudio(insert, 16, item.audio());
                        insert.addBatch();
                    }
                    int[] inserted = insert.executeBatch();
                    for (int i = 0; i < batch.size(); i++) {
                        changes.put(batch.get(i).key(), inserted[i] > 0 ? Change.ADDED : null);
                        if (inserted[i] <= 0) {
                            stored.add(batch.get(i));
                        }
                    }
                }
            }
            if (!stored.isEmpty()) {
                updateStored(c, stored, now, changes);
            }
            if (!restamps.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE item SET file_size = ?, modified_ms = ? WHERE item_key = ?")) {
                    for (Map.Entry<String, FileStamp> e : restamps.entrySet()) {
                        ps.setLong(1, e.getValue().size());
                        ps.setLong(2, e.getValue().modifiedMillis());
                        ps.setString(3, e.getKey());
                        ps.executeUpdate();
                    }
                }
            }
            return changes;
        });
    }

    private static final int INSERT_BATCH = 1_000;

    private static String stateOf(NewItem item) {
        return item.quarantineReason() != null ? "quarantined" : "active";
    }

    /**
     * Items whose key is stored already. Same content, state and reason (a file touched, or re-read after an
     * interrupted import): only the file stamp changes, in a batch. Anything else: the whole row is updated.
     */
    private static void updateStored(java.sql.Connection c, List<NewItem> items, String now, Map<String, Change> changes)
            throws SQLException {
        try (PreparedStatement find = c.prepareStatement("SELECT content_hash, state, quarantine_reason FROM item WHERE item_key = ?");
             PreparedStatement restamp = c.prepareStatement("UPDATE item SET file_size = ?, modified_ms = ? WHERE item_key = ?");
             PreparedStatement update = c.prepareStatement("UPDATE item SET size = ?, file_size = ?, modified_ms = ?, content_hash = ?, "
                     + "body = ?, folder_label = ?, state = ?, quarantine_reason = ?, kind = ?, source = ?, "
                     + "duplicate_of = NULL, updated_at = ?, sample_rate = ?, channels = ?, frames = ?, codec = ? "
                     + "WHERE item_key = ?")) {
            for (NewItem item : items) {
                String state = stateOf(item);
                find.setString(1, item.key());
                String oldHash;
                String oldState;
                String oldReason;
                try (ResultSet rs = find.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("item " + item.key() + " was neither inserted nor found");
                    }
                    oldHash = rs.getString(1);
                    oldState = rs.getString(2);
                    oldReason = rs.getString(3);
                }
                boolean same = oldHash.equals(item.contentHash()) && oldState.equals(state);
                if (same && java.util.Objects.equals(oldReason, item.quarantineReason())) {
                    restamp.setLong(1, item.fileSize());
                    restamp.setLong(2, item.modifiedMillis());
                    restamp.setString(3, item.key());
                    restamp.addBatch();
                    changes.put(item.key(), Change.UNCHANGED);
                    continue;
                }
                update.setLong(1, item.size());
                update.setLong(2, item.fileSize());
                update.setLong(3, item.modifiedMillis());
                update.setString(4, item.contentHash());
                update.setString(5, item.body());
                update.setString(6, item.folderLabel());
                update.setString(7, state);
                update.setString(8, item.quarantineReason());
                update.setString(9, item.kind().name());
                update.setString(10, item.source());
                update.setString(11, now);
                setAudio(update, 12, item.audio());
                update.setString(16, item.key());
                update.executeUpdate();
                changes.put(item.key(), same ? Change.UNCHANGED : Change.CHANGED);
            }
            restamp.executeBatch();
        }
    }

    /** Marks items removed (their files are gone); their decisions stay in the history. */
    public int markRemoved(Collection<String> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        return db.write(c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE item SET state = 'removed', duplicate_of = NULL, updated_at = ? WHERE item_key = ?")) {
                String now = Timestamps.now(clock);
                for (String key : keys) {
                    ps.setString(1, now);
                    ps.setString(2, key);
                    // one row at most; the driver's count also includes what triggers changed (migration 7)
                    n += ps.executeUpdate() > 0 ? 1 : 0;
                }
            }
            // Items that pointed at a removed item as their original must not point at a ghost.
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE item SET duplicate_of = NULL WHERE duplicate_of IN "
                        + "(SELECT id FROM item WHERE state <> 'active')");
            }
            return n;
        });
    }

    /** Takes an item out of use with a reason the user sees; its decisions stay. */
    public void quarantine(long id, String reason) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE item SET state = 'quarantined', quarantine_reason = ?, "
                    + "updated_at = ? WHERE id = ?")) {
                ps.setString(1, reason);
                ps.setString(2, Timestamps.now(clock));
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Links every active item to the first active item with the same content; returns how many are duplicates.
     * One pass over the table in id order with a map of 64-bit fingerprints of the content hashes, and an update
     * only where a link changes: the correlated subqueries it replaces took 5-10 s on a million rows. A fingerprint
     * shared by two different hashes (about one chance in 10^7 for a million items) falls back to the exact query.
     */
    public int linkDuplicates() {
        return db.write(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE item SET duplicate_of = NULL WHERE state <> 'active' AND duplicate_of IS NOT NULL");
            }
            Map<Long, Long> firstByPrint = new HashMap<>();
            Map<Long, String> firstHash = new HashMap<>(); // of originals that have a duplicate, to verify
            List<long[]> links = new ArrayList<>(); // id, original (0 for none), where the stored link differs
            List<long[]> duplicates = new ArrayList<>(); // id, original: to verify against collisions
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, content_hash, duplicate_of FROM item WHERE state = 'active' ORDER BY id")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String hash = rs.getString(2);
                    long stored = rs.getLong(3);
                    Long first = firstByPrint.putIfAbsent(fingerprint(hash), id);
                    long wanted = first == null ? 0 : first;
                    if (first != null) {
                        duplicates.add(new long[] {id, first});
                        firstHash.putIfAbsent(first, null);
                    }
                    if (stored != wanted) {
                        links.add(new long[] {id, wanted});
                    }
                }
            }
            firstByPrint.clear();
            if (!sameContent(c, duplicates, firstHash)) {
                return linkDuplicatesExactly(c);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE item SET duplicate_of = ? WHERE id = ?")) {
                for (long[] link : links) {
                    if (link[1] == 0) {
                        ps.setNull(1, java.sql.Types.INTEGER);
                    } else {
                        ps.setLong(1, link[1]);
                    }
                    ps.setLong(2, link[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return duplicates.size();
        });
    }

    /** Whether every fingerprint match is a real match of content hashes. */
    private static boolean sameContent(java.sql.Connection c, List<long[]> duplicates, Map<Long, String> firstHash)
            throws SQLException {
        if (duplicates.isEmpty()) {
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT content_hash FROM item WHERE id = ?")) {
            for (Map.Entry<Long, String> e : firstHash.entrySet()) {
                e.setValue(hashOf(ps, e.getKey()));
            }
            for (long[] d : duplicates) {
                if (!hashOf(ps, d[0]).equals(firstHash.get(d[1]))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String hashOf(PreparedStatement ps, long id) throws SQLException {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int linkDuplicatesExactly(java.sql.Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE item SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL");
            st.executeUpdate("UPDATE item SET duplicate_of = (SELECT min(o.id) FROM item o "
                    + "WHERE o.content_hash = item.content_hash AND o.state = 'active') "
                    + "WHERE state = 'active' AND id > (SELECT min(o.id) FROM item o "
                    + "WHERE o.content_hash = item.content_hash AND o.state = 'active')");
            // counted, not taken from executeUpdate: the driver's count includes migration 7's trigger changes
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM item WHERE duplicate_of IS NOT NULL")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** FNV-1a, 64 bits, over the characters of a content hash. */
    static long fingerprint(String hash) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < hash.length(); i++) {
            h = (h ^ hash.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    public Optional<ItemRecord> byId(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM item WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    public Optional<ItemRecord> byKey(String key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM item WHERE item_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The source of every active item, by id: what batch rules need of the whole pool, without bodies. */
    public Map<Long, String> activeSources() {
        return db.scan(c -> {
            Map<Long, String> out = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, source FROM item WHERE state = 'active'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /** The files active table rows (CSV/JSONL) came from, each once, in the order first imported. */
    public List<String> activeTablePaths() {
        return db.scan(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT path FROM item WHERE state = 'active' AND row_index >= 0"
                    + " GROUP BY path ORDER BY min(id)"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** The source of each of the given items that is active, read in chunks of ids. */
    public Map<Long, String> sourcesOf(long[] ids) {
        return db.scan(c -> {
            Map<Long, String> out = new java.util.HashMap<>();
            int chunk = 500;
            for (int from = 0; from < ids.length; from += chunk) {
                int to = Math.min(ids.length, from + chunk);
                String marks = String.join(",", java.util.Collections.nCopies(to - from, "?"));
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id, source FROM item WHERE state = 'active' AND id IN (" + marks + ")")) {
                    for (int i = from; i < to; i++) {
                        ps.setLong(i - from + 1, ids[i]);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getLong(1), rs.getString(2));
                        }
                    }
                }
            }
            return out;
        });
    }

    public List<ItemRecord> inState(String state) {
        return db.scan(c -> {
            List<ItemRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM item WHERE state = ? ORDER BY id")) {
                ps.setString(1, state);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Counts of items per state. */
    /** The largest item id, 0 without items (ids only grow: a new item has a larger one). */
    public long maxId() {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM item")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Whether the project has any item at all (one row read, where counting states reads them all). */
    public boolean isEmpty() {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM item)")) {
                return !rs.next() || rs.getInt(1) == 0;
            }
        });
    }

    public Map<String, Integer> countByState() {
        return db.scan(c -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT NULL, count(*) FROM item UNION ALL "
                         + "SELECT state, count(*) FROM item WHERE state <> 'active' GROUP BY state")) {
                // The states other than active from their partial index (migration 8), active as the rest: no scan
                // of a million item rows. One statement, so one snapshot of the table.
                Map<String, Integer> byState = new java.util.TreeMap<>();
                int rest = 0;
                while (rs.next()) {
                    if (rs.getString(1) == null) {
                        rest += rs.getInt(2);
                    } else {
                        byState.put(rs.getString(1), rs.getInt(2));
                        rest -= rs.getInt(2);
                    }
                }
                if (rest > 0) {
                    byState.put("active", rest);
                }
                out.putAll(byState); // in state order, as GROUP BY state gave them
            }
            return out;
        });
    }

    /** Quarantined items per reason (most frequent first), each with the first few item keys. */
    public record QuarantineReason(String reason, int count, List<String> examples) {
    }

    public List<QuarantineReason> quarantineReasons(int examplesPerReason) {
        return db.read(c -> {
            Map<String, List<String>> examples = new LinkedHashMap<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT coalesce(quarantine_reason, 'unknown'), item_key FROM item"
                         + " WHERE state = 'quarantined' ORDER BY id")) {
                while (rs.next()) {
                    String reason = rs.getString(1);
                    counts.merge(reason, 1, Integer::sum);
                    List<String> keys = examples.computeIfAbsent(reason, r -> new ArrayList<>());
                    if (keys.size() < examplesPerReason) {
                        keys.add(rs.getString(2));
                    }
                }
            }
            List<QuarantineReason> out = new ArrayList<>();
            counts.forEach((reason, n) -> out.add(new QuarantineReason(reason, n, List.copyOf(examples.get(reason)))));
            out.sort((a, b) -> Integer.compare(b.count(), a.count()));
            return out;
        });
    }

    public int countDuplicates() {
        return db.read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM item WHERE duplicate_of IS NOT NULL")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** Number of items the project knows, whatever their state. */
    public int countAll() {
        return db.read(ItemRepository::countAll);
    }

    private static int countAll(java.sql.Connection c) throws java.sql.SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM item")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Ids of the items a {@code Pool} of this model holds, in its row order: active, not a duplicate, embedded.
     * Lets a reader line up a pool's predictions with items without loading the vectors.
     */
    public long[] scoredIds(String modelHash) {
        return db.scan(c -> {
            long[] out = new long[1024];
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT i.id FROM item i WHERE i.state = 'active' "
                    + "AND i.duplicate_of IS NULL AND EXISTS (SELECT 1 FROM embedding e "
                    + "WHERE e.model_id = (SELECT id FROM model WHERE hash = ?) AND e.content_hash = i.content_hash) "
                    + "ORDER BY i.id")) {
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

    static ItemRecord read(ResultSet rs) throws SQLException {
        long dup = rs.getLong(13);
        Long duplicateOf = rs.wasNull() ? null : dup;
        int rate = rs.getInt(14);
        AudioFacts audio = rs.wasNull() ? null : new AudioFacts(rate, rs.getInt(15), rs.getLong(16), rs.getString(17));
        return new ItemRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                ItemKind.valueOf(rs.getString(5)), rs.getString(6), rs.getLong(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), duplicateOf, audio);
    }

    private static void setAudio(PreparedStatement ps, int first, AudioFacts audio) throws SQLException {
        if (audio == null) {
            for (int i = 0; i < 4; i++) {
                ps.setNull(first + i, i == 3 ? java.sql.Types.VARCHAR : java.sql.Types.INTEGER);
            }
        } else {
            ps.setInt(first, audio.sampleRate());
            ps.setInt(first + 1, audio.channels());
            ps.setLong(first + 2, audio.frames());
            ps.setString(first + 3, audio.codec());
        }
    }


}
