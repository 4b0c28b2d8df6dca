package org.querent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Work packages: which items went to whom (in the lead's file), and the writing of a package file, a small
 * project file holding only those items with what labelling them needs (ADR 13).
 */
public final class WorkPackageRepository {
    /** Meta keys a package file carries beside the project's own. */
    public static final String PACKAGE_UID = "package_uid";
    public static final String PACKAGE_FOR = "package_for";
    public static final String PACKAGE_SOURCE = "package_source";

    private final Database db;

    public WorkPackageRepository(Database db) {
        this.db = db;
    }

    /** One package as the lead's file records it. */
    public record PackageRecord(String uid, String person, String file, String createdBy, String createdAt,
                                double overlap, int items) {
    }

    /** An item of a package; shared items are in the overlap set, given to several people. */
    public record PackedItem(long itemId, boolean shared) {
    }

    /** Every item already in some package. */
    public Set<Long> packedItems() {
        return db.read(c -> ids(c, "SELECT DISTINCT item_id FROM work_package_item ORDER BY item_id", null));
    }

    /**
     * Items out in a package and not labelled or set aside yet, leaving out the package this file is (if any):
     * they stay out of this file's queue until they come back.
     */
    public Set<Long> outInPackages(String ownPackageUid) {
        return db.read(c -> ids(c, "SELECT DISTINCT wi.item_id FROM work_package_item wi WHERE wi.package_uid <> ? "
                + "AND NOT EXISTS (SELECT 1 FROM current_label l WHERE l.item_id = wi.item_id) ORDER BY wi.item_id",
                ownPackageUid == null ? "" : ownPackageUid));
    }

    /** The overlap set not yet given to this person, in the order it was first packed. */
    public List<Long> sharedItemsNotFor(String person) {
        return db.read(c -> new ArrayList<>(ids(c, "SELECT wi.item_id FROM work_package_item wi JOIN work_package w "
                + "ON w.uid = wi.package_uid WHERE wi.shared = 1 GROUP BY wi.item_id HAVING sum(w.person = ?) = 0 "
                + "ORDER BY min(w.created_at || printf('%09d', wi.position))", person)));
    }

    /** Records a package and its items in this (the lead's) file. */
    public void record(PackageRecord p, List<PackedItem> items) {
        db.write(c -> {
            insert(c, "", p, items);
            return null;
        });
    }

    /** The packages recorded in this file, oldest first. */
    public List<PackageRecord> packages() {
        return db.read(c -> {
            List<PackageRecord> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT uid, person, file, created_by, "
                    + "created_at, overlap, items FROM work_package ORDER BY created_at, uid")) {
                while (rs.next()) {
                    out.add(new PackageRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getDouble(6), rs.getInt(7)));
                }
            }
            return out;
        });
    }

    /** What became of one package, as this file knows it. */
    public record PackageProgress(String person, String file, int items, int shared, int done) {
    }

    /** Per package: its items, how many are shared, and how many of them its person labelled or escalated here. */
    public List<PackageProgress> progress() {
        return db.read(c -> {
            List<PackageProgress> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT w.person, w.file, count(*), "
                    + "sum(wi.shared), sum(EXISTS (SELECT 1 FROM live_decision d WHERE d.item_id = wi.item_id "
                    + "AND d.annotator = w.person AND d.kind IN ('label', 'escalate'))) FROM work_package w "
                    + "JOIN work_package_item wi ON wi.package_uid = w.uid GROUP BY w.uid ORDER BY w.created_at, w.uid")) {
                while (rs.next()) {
                    out.add(new PackageProgress(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
                }
            }
            return out;
        });
    }

    /** Item ids of one package. */
    public Set<Long> itemsOf(String packageUid) {
        return db.read(c -> ids(c, "SELECT item_id FROM work_package_item WHERE package_uid = ? ORDER BY item_id", packageUid));
    }

    /**
     * Fills {@code pkg}, a freshly created project file, from {@code source}: the project's settings, people,
     * taxonomy versions, guidelines and models; the packed items with their embeddings, their decisions so far,
     * the round that last selected each and the heads behind those rounds plus the newest one. Item, round,
     * head and decision ids stay those of the source, so both files name things alike. One transaction.
     */
    public static void fill(Database pkg, java.nio.file.Path source, PackageRecord record, List<PackedItem> items,
                            Map<String, String> metaOverrides) {
        pkg.read(c -> {
            try (PreparedStatement attach = c.prepareStatement("ATTACH DATABASE ? AS src")) {
                attach.setString(1, source.toAbsolutePath().toString());
                attach.execute();
            }
            try {
                c.setAutoCommit(false);
                try {
                    copy(c, record, items, metaOverrides);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("DETACH DATABASE src");
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("VACUUM"); // the package travels: no free pages
            }
            return null;
        });
    }

    private static void copy(Connection c, PackageRecord record, List<PackedItem> items, Map<String, String> meta)
            throws SQLException {
        try (Statement st = c.createStatement()) {
            // The new file's migrations made their own identity and first taxonomy version: the source's replace them.
            for (String table : List.of("meta", "label_now", "taxonomy_mapping", "taxonomy_version", "label")) {
                st.execute("DELETE FROM main." + table);
            }
            // The stop set and the audit index name items and rounds the package may lack: rebuilt below or anew.
            st.execute("INSERT INTO main.meta SELECT * FROM src.meta WHERE key NOT IN ('stop_set', 'audit_picks')");
            st.execute("INSERT INTO main.label SELECT * FROM src.label");
            st.execute("INSERT INTO main.taxonomy_version SELECT * FROM src.taxonomy_version");
            st.execute("INSERT INTO main.taxonomy_mapping SELECT * FROM src.taxonomy_mapping");
            st.execute("INSERT INTO main.label_now SELECT * FROM src.label_now");
            st.execute("INSERT INTO main.guideline SELECT * FROM src.guideline");
            st.execute("INSERT INTO main.person_role SELECT * FROM src.person_role");
            st.execute("INSERT INTO main.model SELECT * FROM src.model");
            st.execute("CREATE TEMP TABLE pack_item (id INTEGER PRIMARY KEY)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta(key, value) VALUES (?, ?) "
                + "ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            for (Map.Entry<String, String> e : meta.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO temp.pack_item(id) VALUES (?)")) {
            for (PackedItem item : items) {
                ps.setLong(1, item.itemId());
                ps.executeUpdate();
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO main.item (id, item_key, path, row_index, kind, source, size, file_size, modified_ms, "
                    + "content_hash, body, folder_label, state, quarantine_reason, duplicate_of, added_at, updated_at, "
                    + "sample_rate, channels, frames, codec) "
                    + "SELECT id, item_key, path, row_index, kind, source, size, file_size, modified_ms, content_hash, body, "
                    + "folder_label, state, quarantine_reason, NULL, added_at, updated_at, sample_rate, channels, frames, "
                    + "codec FROM src.item "
                    + "WHERE id IN (SELECT id FROM temp.pack_item)");
            // The models were copied with their ids, so a row's model id means the same model in the package.
            st.execute("INSERT INTO main.embedding(content_hash, model_id, vector, class_scores) "
                    + "SELECT content_hash, model_id, vector, class_scores FROM src.embedding "
                    + "WHERE content_hash IN (SELECT content_hash FROM main.item)");
            st.execute("CREATE TEMP TABLE pack_round AS SELECT DISTINCT (SELECT max(ri.round_id) FROM src.round_item ri "
                    + "WHERE ri.item_id = p.id) AS id FROM temp.pack_item p");
            st.execute("CREATE TEMP TABLE pack_head AS SELECT version FROM (SELECT version FROM src.head "
                    + "WHERE merged_from IS NULL ORDER BY version DESC LIMIT 1) UNION SELECT model_version FROM src.round "
                    + "WHERE id IN (SELECT id FROM temp.pack_round) AND model_version IS NOT NULL");
            st.execute("INSERT INTO main.head (version, parent_version, model_hash, created_at, class_names, weights, "
                    + "label_count, last_event_id, provenance, uid, merged_from) SELECT version, NULL, model_hash, created_at, "
                    + "class_names, weights, label_count, last_event_id, provenance, uid, merged_from FROM src.head "
                    + "WHERE version IN (SELECT version FROM temp.pack_head)");
            st.execute("INSERT INTO main.round (id, created_at, strategy, model_version, model_hash, predictor, pool_size, "
                    + "seed, settings, uid) SELECT id, created_at, strategy, model_version, model_hash, predictor, pool_size, "
                    + "seed, settings, uid FROM src.round WHERE id IN (SELECT id FROM temp.pack_round)");
            st.execute("INSERT INTO main.round_item SELECT * FROM src.round_item WHERE round_id IN "
                    + "(SELECT id FROM temp.pack_round) AND item_id IN (SELECT id FROM temp.pack_item)");
            st.execute("INSERT INTO main.meta (key, value) SELECT 'audit_picks', json_group_object(CAST(id AS TEXT), "
                    + "json_extract(settings, '$.audit')) FROM main.round "
                    + "WHERE json_array_length(json_extract(settings, '$.audit')) > 0 HAVING count(*) > 0");
            // The items' history so far (a second opinion on a labelled item shows what was said before).
            st.execute("INSERT INTO main.decision (id, item_id, kind, labels, annotator, decided_at, accepted, pre_label, "
                    + "pre_confidence, round_id, guideline_version, model_version, undoes, note, origin, uid, "
                    + "taxonomy_version, verdict, refers_to) SELECT id, item_id, kind, labels, annotator, decided_at, "
                    + "accepted, pre_label, pre_confidence, CASE WHEN round_id IN (SELECT id FROM main.round) THEN round_id "
                    + "END, guideline_version, CASE WHEN model_version IN (SELECT version FROM main.head) THEN model_version "
                    + "END, undoes, note, origin, uid, taxonomy_version, verdict, refers_to FROM src.decision "
                    + "WHERE item_id IN (SELECT id FROM temp.pack_item) ORDER BY id");
            st.execute("DROP TABLE temp.pack_item");
            st.execute("DROP TABLE temp.pack_round");
            st.execute("DROP TABLE temp.pack_head");
        }
        insert(c, "main.", record, items);
    }

    private static void insert(Connection c, String schema, PackageRecord p, List<PackedItem> items) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema + "work_package(uid, person, file, "
                + "created_by, created_at, overlap, items) VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, p.uid());
            ps.setString(2, p.person());
            ps.setString(3, p.file());
            ps.setString(4, p.createdBy());
            ps.setString(5, p.createdAt());
            ps.setDouble(6, p.overlap());
            ps.setInt(7, p.items());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema + "work_package_item(package_uid, item_id, "
                + "shared, position) VALUES (?,?,?,?)")) {
            int position = 0;
            for (PackedItem item : items) {
                ps.setString(1, p.uid());
                ps.setLong(2, item.itemId());
                ps.setInt(3, item.shared() ? 1 : 0);
                ps.setInt(4, position++);
                ps.executeUpdate();
            }
        }
    }

    private static Set<Long> ids(Connection c, String sql, String parameter) throws SQLException {
        Set<Long> out = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }
}
