package org.querent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the events of another copy of a project and appends the ones this file lacks, matched by global id.
 * Nothing is updated or deleted, so merging twice adds nothing and everyone's history is kept.
 */
public final class MergeRepository {
    private final Database db;

    public MergeRepository(Database db) {
        this.db = db;
    }

    /** One decision as another file holds it: its item by key and content, what it undoes by uid. */
    public record ForeignDecision(String uid, String itemKey, String contentHash, String kind, String labels,
                                  String annotator, String decidedAt, Long accepted, String preLabel, Double preConfidence,
                                  Integer guidelineVersion, String undoesUid, String note, String origin,
                                  Integer taxonomyVersion, String verdict, String refersTo) {
    }

    /** A person's role event as another file holds it. */
    public record ForeignRole(String uid, String name, String role, String changedBy, String changedAt, String reason) {
    }

    /** Everything a merge takes from the other file. */
    public record Events(String projectId, Map<Integer, String> taxonomyVersionUids, List<ForeignRole> roles,
                         List<ForeignDecision> decisions) {
    }

    /** The counts a merge added. */
    public record Added(int decisions, int roles) {
    }

    public Optional<String> projectId() {
        return new MetaRepository(db).get("project_id");
    }

    /** The taxonomy version number to uid of this file. */
    public Map<Integer, String> taxonomyVersionUids() {
        return db.read(MergeRepository::versionUids);
    }

    /** Reads the other file's events, in its own order. */
    public static Events read(Database other) {
        return other.read(c -> {
            String projectId = null;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'project_id'")) {
                if (rs.next()) {
                    projectId = rs.getString(1);
                }
            }
            List<ForeignRole> roles = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT uid, name, role, changed_by, changed_at, reason FROM person_role ORDER BY id")) {
                while (rs.next()) {
                    roles.add(new ForeignRole(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
            List<ForeignDecision> decisions = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT d.uid, i.item_key, "
                    + "i.content_hash, d.kind, d.labels, d.annotator, d.decided_at, d.accepted, d.pre_label, "
                    + "d.pre_confidence, d.guideline_version, (SELECT u.uid FROM decision u WHERE u.id = d.undoes), "
                    + "d.note, d.origin, d.taxonomy_version, d.verdict, d.refers_to "
                    + "FROM decision d JOIN item i ON i.id = d.item_id ORDER BY d.id")) {
                while (rs.next()) {
                    long acc = rs.getLong(8);
                    Long accepted = rs.wasNull() ? null : acc;
                    double conf = rs.getDouble(10);
                    Double confidence = rs.wasNull() ? null : conf;
                    int g = rs.getInt(11);
                    Integer guideline = rs.wasNull() ? null : g;
                    int t = rs.getInt(15);
                    Integer taxonomy = rs.wasNull() ? null : t;
                    decisions.add(new ForeignDecision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), accepted, rs.getString(9), confidence,
                            guideline, rs.getString(12), rs.getString(13), rs.getString(14), taxonomy,
                            rs.getString(16), rs.getString(17)));
                }
            }
            return new Events(projectId, versionUids(c), roles, decisions);
        });
    }

    /** The local item id for a key when its content matches, else empty. */
    public Optional<Long> itemFor(String key, String contentHash) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM item WHERE item_key = ? AND content_hash = ?")) {
                ps.setString(1, key);
                ps.setString(2, contentHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Appends the events this file lacks, in one transaction. Rounds and heads are local to each file, so a
     * merged decision keeps its pre-label and whether it was accepted but not the round or head ids.
     */
    public Added append(Events events, Map<String, Long> itemIds) {
        return db.write(c -> {
            int roles = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO person_role(uid, name, role, changed_by, "
                    + "changed_at, reason) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(uid) DO NOTHING")) {
                for (ForeignRole r : events.roles()) {
                    ps.setString(1, r.uid());
                    ps.setString(2, r.name());
                    ps.setString(3, r.role());
                    ps.setString(4, r.changedBy());
                    ps.setString(5, r.changedAt());
                    ps.setString(6, r.reason());
                    roles += ps.executeUpdate();
                }
            }
            int decisions = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision(item_id, kind, labels, annotator, "
                    + "decided_at, accepted, pre_label, pre_confidence, guideline_version, undoes, note, origin, uid, "
                    + "taxonomy_version, verdict, refers_to) VALUES (?,?,?,?,?,?,?,?,"
                    + "(SELECT version FROM guideline WHERE version = ?),"
                    + "(SELECT id FROM decision WHERE uid = ?),?,?,?,?,?,?) ON CONFLICT(uid) DO NOTHING")) {
                for (ForeignDecision d : events.decisions()) {
                    ps.setLong(1, itemIds.get(d.uid()));
                    ps.setString(2, d.kind());
                    ps.setString(3, d.labels());
                    ps.setString(4, d.annotator());
                    ps.setString(5, d.decidedAt());
                    setLong(ps, 6, d.accepted());
                    ps.setString(7, d.preLabel());
                    if (d.preConfidence() == null) {
                        ps.setNull(8, Types.REAL);
                    } else {
                        ps.setDouble(8, d.preConfidence());
                    }
                    setLong(ps, 9, d.guidelineVersion() == null ? null : d.guidelineVersion().longValue());
                    ps.setString(10, d.undoesUid());
                    ps.setString(11, d.note());
                    ps.setString(12, d.origin());
                    ps.setString(13, d.uid());
                    setLong(ps, 14, d.taxonomyVersion() == null ? null : d.taxonomyVersion().longValue());
                    ps.setString(15, d.verdict());
                    ps.setString(16, d.refersTo());
                    decisions += ps.executeUpdate();
                }
            }
            return new Added(decisions, roles);
        });
    }

    private static Map<Integer, String> versionUids(Connection c) throws SQLException {
        Map<Integer, String> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, uid FROM taxonomy_version ORDER BY version")) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getString(2));
            }
        }
        return out;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }
}
