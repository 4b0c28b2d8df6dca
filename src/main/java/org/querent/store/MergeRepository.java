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
                                  Integer taxonomyVersion, String verdict, String refersTo, String roundUid,
                                  String modelUid) {
    }

    /** A round (queue) as another file holds it, with its entries by item key and content. */
    public record ForeignRound(String uid, String createdAt, String strategy, String modelUid, String modelHash,
                               String predictor, int poolSize, long seed, String settings, List<ForeignRoundItem> items) {
    }

    /** One entry of a foreign round. */
    public record ForeignRoundItem(String itemKey, String contentHash, int rank, double score, String preLabel,
                                   Double confidence) {
    }

    /** A head (model version) as another file holds it. */
    public record ForeignHead(String uid, int version, String modelHash, String createdAt, String classNames,
                              byte[] weights, int labelCount, long lastEventId, String provenance, String mergedFrom) {
    }

    /** A person's role event as another file holds it. */
    public record ForeignRole(String uid, String name, String role, String changedBy, String changedAt, String reason) {
    }

    /** Everything a merge takes from the other file. */
    public record Events(String projectId, Map<Integer, String> taxonomyVersionUids, Map<Integer, String> guidelines,
                         String packageFor, List<ForeignRole> roles, List<ForeignDecision> decisions,
                         Map<String, ForeignRound> rounds, Map<String, ForeignHead> heads) {
    }

    /** The counts a merge added. */
    public record Added(int decisions, int roles, int rounds, int heads) {
        public Added(int decisions, int roles) {
            this(decisions, roles, 0, 0);
        }
    }

    public Optional<String> projectId() {
        return new MetaRepository(db).get("project_id");
    }

    /** The taxonomy version number to uid of this file. */
    public Map<Integer, String> taxonomyVersionUids() {
        return db.read(MergeRepository::versionUids);
    }

    /**
     * Opens another copy to read, checks its pages and reads its events. A file that is truncated or damaged
     * (SQLite finds bad pages, or fails reading it), empty, not a project, or of another schema is refused with
     * what to do; nothing is read from it.
     */
    public static Events readCopy(java.nio.file.Path file) {
        String name = file.getFileName().toString();
        List<String> problems;
        Events events = null;
        try (Database other = Database.openReader(file)) {
            problems = damage(other);
            if (problems.isEmpty()) {
                events = read(other);
            }
        } catch (org.querent.common.QuerentException e) {
            if (e.getCause() instanceof SQLException) {
                throw damaged(name, String.valueOf(e.getCause().getMessage()), e);
            }
            if (e.kind() == org.querent.common.ErrorKind.PROJECT && e.getCause() == null) {
                // empty, no SQLite header, too new, too old: the message already says what to do
                throw new org.querent.common.QuerentException(e.kind(), e.getMessage() + " (nothing was merged from "
                        + name + ")", e);
            }
            throw e;
        }
        if (!problems.isEmpty()) {
            throw damaged(name, String.join("; ", problems), null);
        }
        return events;
    }

    private static org.querent.common.QuerentException damaged(String name, String detail, Throwable cause) {
        return new org.querent.common.QuerentException(org.querent.common.ErrorKind.PROJECT, name + " cannot be merged, "
                + "it is damaged or not a whole project file (" + detail + "): ask for a fresh copy of it (the colleague's "
                + "own file is unharmed); nothing was merged from it", cause);
    }

    /** SQLite's own check of a file's pages: empty when sound, else what it found (first few problems). */
    public static List<String> damage(Database other) {
        return other.read(c -> {
            List<String> problems = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check(5)")) {
                while (rs.next()) {
                    if (!"ok".equalsIgnoreCase(rs.getString(1))) {
                        problems.add(rs.getString(1));
                    }
                }
            }
            return problems;
        });
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
                    + "d.note, d.origin, d.taxonomy_version, d.verdict, d.refers_to, r.uid, h.uid "
                    + "FROM decision d JOIN item i ON i.id = d.item_id LEFT JOIN round r ON r.id = d.round_id "
                    + "LEFT JOIN head h ON h.version = d.model_version ORDER BY d.id")) {
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
                            rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19)));
                }
            }
            String packageFor = null;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'package_for'")) {
                if (rs.next()) {
                    packageFor = rs.getString(1);
                }
            }
            Map<Integer, String> guidelines = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT version, body FROM guideline ORDER BY version")) {
                while (rs.next()) {
                    guidelines.put(rs.getInt(1), rs.getString(2));
                }
            }
            return new Events(projectId, versionUids(c), guidelines, packageFor, roles, decisions, rounds(c), heads(c));
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
     * Appends the events this file lacks, in one transaction. A merged decision keeps the round that chose its
     * item and the head that pre-labelled it, matched by uid; a round or head this file lacks is copied in (a
     * copied head is marked merged from {@code from} and never predicts here).
     */
    public Added append(Events events, Map<String, Long> itemIds, String from) {
        return db.write(c -> {
            int[] rounds = {0};
            int[] heads = {0};
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
                    + "taxonomy_version, verdict, refers_to, round_id, model_version) VALUES (?,?,?,?,?,?,?,?,"
                    + "(SELECT version FROM guideline WHERE version = ?),"
                    + "(SELECT id FROM decision WHERE uid = ?),?,?,?,?,?,?,?,?) ON CONFLICT(uid) DO NOTHING")) {
                java.util.Set<String> known = decisionUids();
                for (ForeignDecision d : events.decisions()) {
                    if (known.contains(d.uid())) {
                        continue;
                    }
                    setLong(ps, 17, roundId(c, d.roundUid(), events, from, rounds, heads));
                    Integer version = headVersion(c, d.modelUid(), events.heads(), from, heads);
                    setLong(ps, 18, version == null ? null : version.longValue());
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
            return new Added(decisions, roles, rounds[0], heads[0]);
        });
    }

    private static Map<String, ForeignRound> rounds(Connection c) throws SQLException {
        Map<String, List<ForeignRoundItem>> entries = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT r.uid, i.item_key, i.content_hash, "
                + "ri.rank, ri.score, ri.pre_label, ri.confidence FROM round_item ri JOIN round r ON r.id = ri.round_id "
                + "JOIN item i ON i.id = ri.item_id ORDER BY r.id, ri.rank")) {
            while (rs.next()) {
                double conf = rs.getDouble(7);
                Double confidence = rs.wasNull() ? null : conf;
                entries.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ForeignRoundItem(rs.getString(2),
                        rs.getString(3), rs.getInt(4), rs.getDouble(5), rs.getString(6), confidence));
            }
        }
        Map<String, ForeignRound> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT r.uid, r.created_at, r.strategy, "
                + "h.uid, r.model_hash, r.predictor, r.pool_size, r.seed, r.settings FROM round r "
                + "LEFT JOIN head h ON h.version = r.model_version ORDER BY r.id")) {
            while (rs.next()) {
                out.put(rs.getString(1), new ForeignRound(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getLong(8), rs.getString(9),
                        entries.getOrDefault(rs.getString(1), List.of())));
            }
        }
        return out;
    }

    private static Map<String, ForeignHead> heads(Connection c) throws SQLException {
        Map<String, ForeignHead> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT uid, version, model_hash, "
                + "created_at, class_names, weights, label_count, last_event_id, provenance, merged_from FROM head "
                + "ORDER BY version")) {
            while (rs.next()) {
                out.put(rs.getString(1), new ForeignHead(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBytes(6), rs.getInt(7), rs.getLong(8), rs.getString(9), rs.getString(10)));
            }
        }
        return out;
    }

    /** The uids of this file's decisions. */
    public java.util.Set<String> decisionUids() {
        return db.read(c -> {
            java.util.Set<String> out = new java.util.HashSet<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT uid FROM decision")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** This file's guideline texts by version. */
    public Map<Integer, String> guidelines() {
        return db.read(c -> {
            Map<Integer, String> out = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT version, body FROM guideline ORDER BY version")) {
                while (rs.next()) {
                    out.put(rs.getInt(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /** The local head version for a uid, importing the foreign head (for provenance only) when this file lacks it. */
    private static Integer headVersion(Connection c, String uid, Map<String, ForeignHead> heads, String from,
                                       int[] imported) throws SQLException {
        if (uid == null) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM head WHERE uid = ?")) {
            ps.setString(1, uid);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
        }
        ForeignHead h = heads.get(uid);
        if (h == null) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO head(parent_version, model_hash, created_at, "
                + "class_names, weights, label_count, last_event_id, provenance, uid, merged_from) "
                + "SELECT NULL, ?, ?, ?, ?, ?, ?, json_set(?, '$.merged_version', ?), ?, ? "
                + "WHERE EXISTS (SELECT 1 FROM model WHERE hash = ?) RETURNING version")) {
            ps.setString(1, h.modelHash());
            ps.setString(2, h.createdAt());
            ps.setString(3, h.classNames());
            ps.setBytes(4, h.weights());
            ps.setInt(5, h.labelCount());
            ps.setLong(6, h.lastEventId());
            ps.setString(7, h.provenance());
            ps.setInt(8, h.version());
            ps.setString(9, h.uid());
            ps.setString(10, h.mergedFrom() != null ? h.mergedFrom() : from);
            ps.setString(11, h.modelHash());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null; // a model this file never used: the decision keeps its round, not the head
                }
                imported[0]++;
                return rs.getInt(1);
            }
        }
    }

    /** The local round id for a uid, importing the foreign round with its entries when this file lacks it. */
    private Long roundId(Connection c, String uid, Events events, String from, int[] importedRounds,
                         int[] importedHeads) throws SQLException {
        if (uid == null) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM round WHERE uid = ?")) {
            ps.setString(1, uid);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        ForeignRound r = events.rounds().get(uid);
        if (r == null) {
            return null;
        }
        Integer version = headVersion(c, r.modelUid(), events.heads(), from, importedHeads);
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO round(created_at, strategy, model_version, model_hash, "
                + "predictor, pool_size, seed, settings, uid) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id")) {
            ps.setString(1, r.createdAt());
            ps.setString(2, r.strategy());
            setLong(ps, 3, version == null ? null : version.longValue());
            ps.setString(4, r.modelHash());
            ps.setString(5, r.predictor());
            ps.setInt(6, r.poolSize());
            ps.setLong(7, r.seed());
            ps.setString(8, r.settings());
            ps.setString(9, r.uid());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO round_item(round_id, item_id, rank, score, pre_label, "
                + "confidence) SELECT ?, id, ?, ?, ?, ? FROM item WHERE item_key = ? AND content_hash = ?")) {
            for (ForeignRoundItem e : r.items()) {
                ps.setLong(1, id);
                ps.setInt(2, e.rank());
                ps.setDouble(3, e.score());
                ps.setString(4, e.preLabel());
                if (e.confidence() == null) {
                    ps.setNull(5, Types.REAL);
                } else {
                    ps.setDouble(5, e.confidence());
                }
                ps.setString(6, e.itemKey());
                ps.setString(7, e.contentHash());
                ps.executeUpdate();
            }
        }
        indexAuditPicks(c, id, r.settings());
        importedRounds[0]++;
        return id;
    }

    /**
     * A copied round's audit picks (its settings list them; item ids are shared by a package and its project) join
     * this file's audit index (meta 'audit_picks', ADR 8), so labels made on them count in the audit estimate.
     */
    private static void indexAuditPicks(Connection c, long roundId, String settings) throws SQLException {
        Object audit = settings == null ? null : Json.map(settings).get("audit");
        if (!(audit instanceof List<?> ids) || ids.isEmpty()) {
            return;
        }
        Map<String, Object> index = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = 'audit_picks'");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                index.putAll(Json.map(rs.getString(1)));
            }
        }
        index.put(Long.toString(roundId), ids);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta(key, value) VALUES ('audit_picks', ?) "
                + "ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, Json.write(index));
            ps.executeUpdate();
        }
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
