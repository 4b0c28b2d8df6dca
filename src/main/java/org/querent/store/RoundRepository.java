package org.querent.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every queue ever produced, with the score and rank of each item: the answer to "why was this shown?". */
public final class RoundRepository {
    private final Database db;
    private final Clock clock;

    public RoundRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** One item of a round. */
    public record Entry(long itemId, int rank, double score, String preLabel, Double confidence) {
    }

    /** Why an item was shown: the round that selected it most recently. */
    public record Selection(long roundId, String createdAt, String strategy, Integer modelVersion, String predictor,
                            int poolSize, int rank, double score, String preLabel, Double confidence) {
    }

    /** Records a round and its entries in one transaction; returns the round id. */
    public long record(String strategy, Integer modelVersion, String modelHash, String predictor, int poolSize, long seed,
                       Map<String, Object> settings, List<Entry> entries) {
        return db.write(c -> {
            long roundId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO round(created_at, strategy, model_version, "
                    + "model_hash, predictor, pool_size, seed, settings) VALUES (?,?,?,?,?,?,?,?) RETURNING id")) {
                ps.setString(1, Timestamps.now(clock));
                ps.setString(2, strategy);
                if (modelVersion == null) {
                    ps.setNull(3, Types.INTEGER);
                } else {
                    ps.setInt(3, modelVersion);
                }
                ps.setString(4, modelHash);
                ps.setString(5, predictor);
                ps.setInt(6, poolSize);
                ps.setLong(7, seed);
                ps.setString(8, Json.write(settings));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    roundId = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO round_item(round_id, item_id, rank, score, "
                    + "pre_label, confidence) VALUES (?,?,?,?,?,?)")) {
                for (Entry e : entries) {
                    ps.setLong(1, roundId);
                    ps.setLong(2, e.itemId());
                    ps.setInt(3, e.rank());
                    ps.setDouble(4, e.score());
                    ps.setString(5, e.preLabel());
                    if (e.confidence() == null) {
                        ps.setNull(6, Types.REAL);
                    } else {
                        ps.setDouble(6, e.confidence());
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return roundId;
        });
    }

    /** The most recent round that selected the item, if any. */
    public Optional<Selection> latestSelection(long itemId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.created_at, r.strategy, r.model_version, "
                    + "r.predictor, r.pool_size, ri.rank, ri.score, ri.pre_label, ri.confidence FROM round_item ri "
                    + "JOIN round r ON r.id = ri.round_id WHERE ri.item_id = ? ORDER BY r.id DESC LIMIT 1")) {
                ps.setLong(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    int version = rs.getInt(4);
                    Integer modelVersion = rs.wasNull() ? null : version;
                    double conf = rs.getDouble(10);
                    Double confidence = rs.wasNull() ? null : conf;
                    return Optional.of(new Selection(rs.getLong(1), rs.getString(2), rs.getString(3), modelVersion,
                            rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getDouble(8), rs.getString(9), confidence));
                }
            }
        });
    }

    public int count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM round");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }
}
