package org.querent.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The evaluation set (items never trained on) and the log of promotions and held candidates. */
public final class EvaluationRepository {
    private final Database db;
    private final Clock clock;

    public EvaluationRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Ids of the evaluation set's items, in the order they were drawn. */
    public Set<Long> evalItems() {
        return db.read(c -> {
            Set<Long> out = new LinkedHashSet<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT item_id FROM eval_item ORDER BY draw, rowid")) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    /** Adds items to the evaluation set in one transaction; returns the draw number. */
    public int addEvalItems(List<Long> itemIds, long seed) {
        return db.write(c -> {
            int draw;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(draw), 0) + 1 FROM eval_item")) {
                draw = rs.next() ? rs.getInt(1) : 1;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO eval_item(item_id, added_at, draw, seed) VALUES (?, ?, ?, ?)")) {
                String now = Timestamps.now(clock);
                for (long id : itemIds) {
                    ps.setLong(1, id);
                    ps.setString(2, now);
                    ps.setInt(3, draw);
                    ps.setLong(4, seed);
                    ps.executeUpdate();
                }
            }
            return draw;
        });
    }

    /** A promotion, a rollback, or a candidate the gate held back. */
    public record Promotion(long id, int version, String modelHash, String action, Integer previous, String decidedBy,
                            String decidedAt, String reason, Map<String, Object> figures) {
        public boolean changesVersionInUse() {
            return !"hold".equals(action);
        }
    }

    public Promotion record(int version, String modelHash, String action, Integer previous, String decidedBy,
                            String reason, Map<String, Object> figures) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO promotion(version, model_hash, action, previous, "
                    + "decided_by, decided_at, reason, figures) VALUES (?,?,?,?,?,?,?,?) RETURNING id, decided_at")) {
                ps.setInt(1, version);
                ps.setString(2, modelHash);
                ps.setString(3, action);
                if (previous == null) {
                    ps.setNull(4, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(4, previous);
                }
                ps.setString(5, decidedBy);
                ps.setString(6, Timestamps.now(clock));
                ps.setString(7, reason);
                ps.setString(8, Json.write(figures));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Promotion(rs.getLong(1), version, modelHash, action, previous, decidedBy, rs.getString(2),
                            reason, figures);
                }
            }
        });
    }

    /** Every entry for a model's versions, oldest first. */
    public List<Promotion> history(String modelHash) {
        return db.read(c -> {
            List<Promotion> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, version, model_hash, action, previous, decided_by, "
                    + "decided_at, reason, figures FROM promotion WHERE model_hash = ? ORDER BY id")) {
                ps.setString(1, modelHash);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int previous = rs.getInt(5);
                        Integer prev = rs.wasNull() ? null : previous;
                        out.add(new Promotion(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), prev,
                                rs.getString(6), rs.getString(7), rs.getString(8), Json.map(rs.getString(9))));
                    }
                }
            }
            return out;
        });
    }

    /** The newest entry that changed the version in use, if any. */
    public Optional<Promotion> inUse(String modelHash) {
        List<Promotion> history = history(modelHash);
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).changesVersionInUse()) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }
}
