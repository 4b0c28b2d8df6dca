package org.querent.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.querent.common.ItemKind;

/** Items of the dataset: inserted and updated by imports, never deleted (removed items keep their history). */
public final class ItemRepository {
    private static final String COLUMNS = "id, item_key, path, row_index, kind, source, size, content_hash, body, "
            + "folder_label, state, quarantine_reason, duplicate_of";

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

    /** Number of live items (not removed) that come from one file. */
    public int countLiveAt(String path) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM item WHERE path = ? AND state <> 'removed'")) {
                ps.setString(1, path);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /** Inserts or updates scanned items in one transaction. */
    public Map<String, Change> upsert(List<NewItem> items) {
        return db.write(c -> {
            Map<String, Change> changes = new LinkedHashMap<>();
            String now = Timestamps.now(clock);
            try (PreparedStatement find = c.prepareStatement("SELECT content_hash, state, quarantine_reason FROM item WHERE item_key = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO item(item_key, path, row_index, kind, source, "
                         + "size, file_size, modified_ms, content_hash, body, folder_label, state, quarantine_reason, added_at, "
                         + "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                 PreparedStatement update = c.prepareStatement("UPDATE item SET size = ?, file_size = ?, modified_ms = ?, content_hash = ?, "
                         + "body = ?, folder_label = ?, state = ?, quarantine_reason = ?, kind = ?, source = ?, "
                         + "duplicate_of = NULL, updated_at = ? WHERE item_key = ?")) {
                for (NewItem item : items) {
                    String state = item.quarantineReason() != null ? "quarantined" : "active";
                    find.setString(1, item.key());
                    String oldHash = null;
                    String oldState = null;
                    try (ResultSet rs = find.executeQuery()) {
                        if (rs.next()) {
                            oldHash = rs.getString(1);
                            oldState = rs.getString(2);
                        }
                    }
                    if (oldState == null) {
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
                        insert.setString(12, state);
                        insert.setString(13, item.quarantineReason());
                        insert.setString(14, now);
                        insert.setString(15, now);
                        insert.executeUpdate();
                        changes.put(item.key(), Change.ADDED);
                    } else {
                        boolean same = oldHash.equals(item.contentHash()) && oldState.equals(state);
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
                        update.setString(12, item.key());
                        update.executeUpdate();
                        changes.put(item.key(), same ? Change.UNCHANGED : Change.CHANGED);
                    }
                }
            }
            return changes;
        });
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
                    n += ps.executeUpdate();
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

    /** Links every active item to the first active item with the same content; returns how many are duplicates. */
    public int linkDuplicates() {
        return db.write(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE item SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL");
                return st.executeUpdate("UPDATE item SET duplicate_of = (SELECT min(o.id) FROM item o "
                        + "WHERE o.content_hash = item.content_hash AND o.state = 'active') "
                        + "WHERE state = 'active' AND id > (SELECT min(o.id) FROM item o "
                        + "WHERE o.content_hash = item.content_hash AND o.state = 'active')");
            }
        });
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

    /** Items in the given state, by id. */
    public List<ItemRecord> inState(String state) {
        return db.read(c -> {
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
    public Map<String, Integer> countByState() {
        return db.read(c -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT state, count(*) FROM item GROUP BY state ORDER BY state")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
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

    static ItemRecord read(ResultSet rs) throws SQLException {
        long dup = rs.getLong(13);
        Long duplicateOf = rs.wasNull() ? null : dup;
        return new ItemRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                ItemKind.valueOf(rs.getString(5)), rs.getString(6), rs.getLong(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), duplicateOf);
    }


}
