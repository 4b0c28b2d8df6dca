package org.querent.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The team's decision events (escalations, their resolutions; reviews and adjudications to come), appended to
 * the same append-only decision table as labels, with the columns schema 2 added: a global uid and the uid
 * of the decision an event refers to.
 */
public final class TeamDecisionRepository {
    private final Database db;
    private final Clock clock;

    public TeamDecisionRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A team event to append; labels null unless it is a label decision. */
    public record TeamEvent(long itemId, String kind, List<String> labels, String annotator, String note, String origin,
                            String verdict, String refersTo, Integer guidelineVersion) {
    }

    /** Appends the event and returns its global uid; committed when this returns. */
    public String append(TeamEvent e) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision(item_id, kind, labels, annotator, "
                    + "decided_at, guideline_version, note, origin, verdict, refers_to) VALUES (?,?,?,?," + DecisionClock.NEXT
                    + ",?,?,?,?,?) "
                    + "RETURNING uid")) {
                ps.setLong(1, e.itemId());
                ps.setString(2, e.kind());
                ps.setString(3, e.labels() == null ? null : Json.write(e.labels()));
                ps.setString(4, e.annotator());
                DecisionClock.bind(ps, 5, e.itemId(), clock);
                if (e.guidelineVersion() == null) {
                    ps.setNull(8, Types.INTEGER);
                } else {
                    ps.setInt(8, e.guidelineVersion());
                }
                ps.setString(9, e.note());
                ps.setString(10, e.origin());
                ps.setString(11, e.verdict());
                ps.setString(12, e.refersTo());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    /** Appends several events in one transaction (a review that changes a label); returns their uids. */
    public List<String> appendAll(List<TeamEvent> events) {
        return db.write(c -> {
            List<String> uids = new ArrayList<>();
            for (TeamEvent e : events) {
                uids.add(append(e));
            }
            return uids;
        });
    }

    /** Escalations not yet resolved (nor undone), oldest first. */
    public List<Escalation> openEscalations() {
        return db.read(c -> {
            List<Escalation> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(OPEN_ESCALATIONS + " ORDER BY e.id")) {
                while (rs.next()) {
                    out.add(escalation(rs));
                }
            }
            return out;
        });
    }

    /** The item's open escalation, if any. */
    public Optional<Escalation> openEscalation(long itemId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(OPEN_ESCALATIONS + " AND e.item_id = ?")) {
                ps.setLong(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(escalation(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The global uid of a decision by its local id. */
    public Optional<String> uidOf(long decisionId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT uid FROM decision WHERE id = ?")) {
                ps.setLong(1, decisionId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** The taxonomy version a decision recorded, by its local id. */
    public Optional<Integer> taxonomyVersionOf(long decisionId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT taxonomy_version FROM decision WHERE id = ?")) {
                ps.setLong(1, decisionId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    int v = rs.getInt(1);
                    return rs.wasNull() ? Optional.empty() : Optional.of(v);
                }
            }
        });
    }

    private static final String OPEN_ESCALATIONS = "SELECT e.item_id, i.item_key, e.uid, e.annotator, e.note, e.decided_at "
            + "FROM live_decision e JOIN item i ON i.id = e.item_id WHERE e.kind = 'escalate' AND e.id = "
            + DecisionOrder.newestId("e", "x.kind NOT IN ('note', 'review')");

    private static Escalation escalation(ResultSet rs) throws SQLException {
        return new Escalation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6));
    }
}
