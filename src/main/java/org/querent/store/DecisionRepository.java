package org.querent.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decisions as append-only events. The current label of an item is derived (the newest label decision
 * not undone); nothing is ever updated or deleted, so the history of every item is kept.
 */
public final class DecisionRepository {
    private static final String COLUMNS = "id, item_id, kind, labels, annotator, decided_at, accepted, pre_label, "
            + "pre_confidence, round_id, guideline_version, model_version, undoes, note, origin";
    private final Database db;
    private final Clock clock;

    public DecisionRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A decision to append; ids and times are assigned on insert. */
    public record NewDecision(long itemId, String kind, List<String> labels, String annotator, Boolean accepted,
                              String preLabel, Double preConfidence, Long roundId, Integer guidelineVersion,
                              Integer modelVersion, Long undoes, String note, String origin) {
    }

    /** Appends a decision; it is committed when this returns. */
    public Decision append(NewDecision d) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision(item_id, kind, labels, annotator, "
                    + "decided_at, accepted, pre_label, pre_confidence, round_id, guideline_version, model_version, "
                    + "undoes, note, origin) VALUES (?,?,?,?," + DecisionClock.NEXT + ",?,?,?,?,?,?,?,?,?) RETURNING "
                    + COLUMNS)) {
                ps.setLong(1, d.itemId());
                ps.setString(2, d.kind());
                ps.setString(3, d.labels() == null ? null : Json.write(d.labels()));
                ps.setString(4, d.annotator());
                DecisionClock.bind(ps, 5, d.itemId(), clock);
                setNullable(ps, 8, d.accepted() == null ? null : (d.accepted() ? 1L : 0L));
                ps.setString(9, d.preLabel());
                if (d.preConfidence() == null) {
                    ps.setNull(10, Types.REAL);
                } else {
                    ps.setDouble(10, d.preConfidence());
                }
                setNullable(ps, 11, d.roundId());
                setNullable(ps, 12, d.guidelineVersion() == null ? null : d.guidelineVersion().longValue());
                setNullable(ps, 13, d.modelVersion() == null ? null : d.modelVersion().longValue());
                setNullable(ps, 14, d.undoes());
                ps.setString(15, d.note());
                ps.setString(16, d.origin() == null ? "annotator" : d.origin());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return read(rs);
                }
            }
        });
    }

    /** Appends many decisions in one transaction (seed labels from folders). */
    public int appendAll(List<NewDecision> decisions) {
        return db.write(c -> {
            for (NewDecision d : decisions) {
                append(d);
            }
            return decisions.size();
        });
    }

    /** The annotator's newest decision that is not undone and not itself an undo. */
    public Optional<Decision> lastLiveOf(String annotator) {
        return one("SELECT " + COLUMNS + " FROM live_decision WHERE annotator = ? AND kind <> 'note' "
                + "ORDER BY id DESC LIMIT 1", annotator);
    }

    /** The annotator's newest decisions still in force (labels, skips, flags, escalations), newest first. */
    public List<Decision> recentOf(String annotator, int limit) {
        return db.read(c -> {
            List<Decision> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM live_decision WHERE annotator = ? "
                    + "AND kind IN ('label', 'skip', 'flag', 'escalate') ORDER BY id DESC LIMIT ?")) {
                ps.setString(1, annotator);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Current labels: item id to its newest live label decision. */
    public Map<Long, Decision> currentLabels() {
        return db.read(c -> {
            Map<Long, Decision> out = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM current_label ORDER BY id")) {
                while (rs.next()) {
                    Decision d = read(rs);
                    out.put(d.itemId(), d);
                }
            }
            return out;
        });
    }

    /** Item ids whose newest live decision is a skip, a flag or an escalation (kept out of the queue until labelled). */
    public List<Long> setAside() {
        return db.read(c -> {
            List<Long> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT l.item_id FROM live_decision l WHERE l.kind IN ('skip','flag','escalate') "
                         + "AND l.id = " + DecisionOrder.newestId("l", "x.kind <> 'note'"))) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    /** Every decision about an item, oldest first. */
    public List<Decision> history(long itemId) {
        return db.read(c -> {
            List<Decision> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM decision WHERE item_id = ? ORDER BY id")) {
                ps.setLong(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    /** The newest decision id, 0 when none. */
    public long lastId() {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM decision")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Counts of decisions per kind (history, including undone ones). */
    public Map<String, Integer> countByKind() {
        return db.read(c -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT kind, count(*) FROM decision GROUP BY kind ORDER BY kind")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    /** One labelled item as exported: its current label and where it came from. */
    public record LabelledRow(long itemId, String key, List<String> labels, String annotator, String decidedAt,
                              Boolean accepted, String preLabel, Integer modelVersion, String strategy, Long roundId,
                              Integer guidelineVersion, String origin) {
    }

    /** Every item with a current label, with the round (strategy, model version) that selected it. */
    public List<LabelledRow> labelledRows() {
        return db.read(c -> {
            List<LabelledRow> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT l.item_id, i.item_key, l.labels, l.annotator, l.decided_at, "
                         + "l.accepted, l.pre_label, coalesce(l.model_version, r.model_version), r.strategy, l.round_id, "
                         + "l.guideline_version, l.origin FROM current_label l JOIN item i ON i.id = l.item_id "
                         + "LEFT JOIN round r ON r.id = l.round_id ORDER BY l.item_id")) {
                while (rs.next()) {
                    long acc = rs.getLong(6);
                    Boolean accepted = rs.wasNull() ? null : acc == 1;
                    int mv = rs.getInt(8);
                    Integer modelVersion = rs.wasNull() ? null : mv;
                    long round = rs.getLong(10);
                    Long roundId = rs.wasNull() ? null : round;
                    int gv = rs.getInt(11);
                    Integer guideline = rs.wasNull() ? null : gv;
                    out.add(new LabelledRow(rs.getLong(1), rs.getString(2), Json.stringList(rs.getString(3)),
                            rs.getString(4), rs.getString(5), accepted, rs.getString(7), modelVersion, rs.getString(9),
                            roundId, guideline, rs.getString(12)));
                }
            }
            return out;
        });
    }

    // ---- Read-only queries for the data browser and the progress view ---------------------------------

    /** A decision with the strategy of the round that selected its item (null when no round did). */
    public record HistoryEntry(Decision decision, String strategy) {
    }

    /** Every decision about an item, oldest first, with the strategy that put the item in front. */
    public List<HistoryEntry> historyWithRounds(long itemId) {
        String columns = "d." + COLUMNS.replace(", ", ", d.");
        return db.read(c -> {
            List<HistoryEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + ", r.strategy FROM decision d "
                    + "LEFT JOIN round r ON r.id = d.round_id WHERE d.item_id = ? ORDER BY d.id")) {
                ps.setLong(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new HistoryEntry(read(rs), rs.getString(16)));
                    }
                }
            }
            return out;
        });
    }

    /** Everyone with a decision in force, by name. */
    public List<String> annotators() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT DISTINCT annotator FROM live_decision ORDER BY annotator")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Items set aside, by kind ("skip", "flag", "escalate"): those whose newest decision in force is one. */
    public Map<String, Integer> countSetAsideByKind() {
        return db.read(c -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT l.kind, count(*) FROM live_decision l WHERE l.kind IN ('skip','flag','escalate') "
                         + "AND l.id = " + DecisionOrder.newestId("l", "x.kind <> 'note'") + " "
                         + "GROUP BY l.kind ORDER BY l.kind")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    /** Current labels per class name (an item with two labels counts once for each). */
    public Map<String, Integer> countCurrentLabelsByClass() {
        return db.read(c -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT j.value, count(*) FROM current_label l, json_each(l.labels) j "
                         + "GROUP BY j.value ORDER BY j.value")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    /** Items with a current label. */
    public int countLabelled() {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM current_label")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /**
     * How current labels treated the pre-label shown, per model version that made it.
     *
     * @param modelVersion the head version, or null for pre-labels made before any head (zero-shot, model classes)
     */
    public record Acceptance(Integer modelVersion, int accepted, int corrected) {
    }

    /** Accepted and corrected pre-labels among current labels, per model version, oldest version first. */
    public List<Acceptance> acceptanceByModelVersion() {
        return db.read(c -> {
            List<Acceptance> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT model_version, sum(accepted = 1), sum(accepted = 0) FROM current_label "
                         + "WHERE accepted IS NOT NULL GROUP BY model_version ORDER BY model_version IS NOT NULL, model_version")) {
                while (rs.next()) {
                    int v = rs.getInt(1);
                    Integer version = rs.wasNull() ? null : v;
                    out.add(new Acceptance(version, rs.getInt(2), rs.getInt(3)));
                }
            }
            return out;
        });
    }

    private Optional<Decision> one(String sql, String arg) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, arg);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    private static void setNullable(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    private static Decision read(ResultSet rs) throws SQLException {
        long acc = rs.getLong(7);
        Boolean accepted = rs.wasNull() ? null : acc == 1;
        double conf = rs.getDouble(9);
        Double preConfidence = rs.wasNull() ? null : conf;
        long round = rs.getLong(10);
        Long roundId = rs.wasNull() ? null : round;
        int g = rs.getInt(11);
        Integer guideline = rs.wasNull() ? null : g;
        int m = rs.getInt(12);
        Integer model = rs.wasNull() ? null : m;
        long u = rs.getLong(13);
        Long undoes = rs.wasNull() ? null : u;
        String labels = rs.getString(4);
        return new Decision(rs.getLong(1), rs.getLong(2), rs.getString(3), labels == null ? List.of() : Json.stringList(labels),
                rs.getString(5), rs.getString(6), accepted, rs.getString(8), preConfidence, roundId, guideline, model,
                undoes, rs.getString(14), rs.getString(15));
    }
}
