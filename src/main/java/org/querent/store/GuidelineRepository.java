package org.querent.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;

/** Published versions of the labelling guideline; each decision records the version in force. */
public final class GuidelineRepository {
    private final Database db;
    private final Clock clock;

    public GuidelineRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A published guideline version. */
    public record Guideline(int version, String body, String source, String publishedAt) {
    }

    /** Publishes a new version and returns its number. */
    public int publish(String body, String source) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO guideline(version, body, source, published_at) "
                            + "VALUES ((SELECT coalesce(max(version), 0) + 1 FROM guideline), ?, ?, ?) RETURNING version")) {
                ps.setString(1, body);
                ps.setString(2, source);
                ps.setString(3, Timestamps.now(clock));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    public Optional<Guideline> current() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT version, body, source, published_at FROM guideline ORDER BY version DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Guideline(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        : Optional.empty();
            }
        });
    }
}
