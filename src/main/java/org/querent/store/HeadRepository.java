package org.querent.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Model versions: every trained head with its provenance. Heads are never overwritten. Heads merged from a
 * colleague's copy are kept for provenance only and are invisible here.
 */
public final class HeadRepository {
    private static final String COLUMNS = "version, parent_version, model_hash, created_at, class_names, weights, "
            + "label_count, last_event_id, provenance";
    /** Heads trained in this file; a merged head only explains the decisions that point at it (ADR 13). */
    private static final String OWN = "merged_from IS NULL";
    private final Database db;
    private final Clock clock;

    public HeadRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Stores a new head and returns its version number. */
    public int save(Integer parentVersion, String modelHash, List<String> classNames, byte[] weights, int labelCount,
                    long lastEventId, Map<String, Object> provenance) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO head(parent_version, model_hash, created_at, "
                    + "class_names, weights, label_count, last_event_id, provenance) VALUES (?,?,?,?,?,?,?,?) RETURNING version")) {
                if (parentVersion == null) {
                    ps.setNull(1, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(1, parentVersion);
                }
                ps.setString(2, modelHash);
                ps.setString(3, Timestamps.now(clock));
                ps.setString(4, Json.write(classNames));
                ps.setBytes(5, weights);
                ps.setInt(6, labelCount);
                ps.setLong(7, lastEventId);
                ps.setString(8, Json.write(provenance));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** The newest head trained on embeddings of the given model. */
    public Optional<HeadRecord> latest(String modelHash) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM head WHERE model_hash = ? AND " + OWN + " ORDER BY version DESC LIMIT 1")) {
                ps.setString(1, modelHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** One version, without reading the others' weights. */
    public Optional<HeadRecord> byVersion(int version) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM head WHERE version = ?")) {
                ps.setInt(1, version);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The newest head of any model, for the status line. */
    public Optional<HeadRecord> newest() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM head WHERE " + OWN + " ORDER BY version DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    /** How many heads were trained, without reading their weights. */
    public int count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM head WHERE " + OWN); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** All heads, oldest first (the learning curve of the project). */
    public List<HeadRecord> all() {
        return db.read(c -> {
            List<HeadRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM head WHERE " + OWN + " ORDER BY version");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    private static HeadRecord read(ResultSet rs) throws SQLException {
        int parent = rs.getInt(2);
        Integer parentVersion = rs.wasNull() ? null : parent;
        return new HeadRecord(rs.getInt(1), parentVersion, rs.getString(3), rs.getString(4),
                Json.stringList(rs.getString(5)), rs.getBytes(6), rs.getInt(7), rs.getLong(8), Json.map(rs.getString(9)));
    }
}
