package org.querent.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** The project's labels, in their display order. */
public final class TaxonomyRepository {
    private final Database db;

    public TaxonomyRepository(Database db) {
        this.db = db;
    }

    public List<LabelDefinition> labels() {
        return db.read(c -> {
            List<LabelDefinition> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, description, hotkey FROM label ORDER BY position");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LabelDefinition(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        });
    }

    /** Replaces the whole taxonomy; existing names keep their rows. */
    public void replace(List<LabelDefinition> labels) {
        db.write(c -> {
            try (PreparedStatement upsert = c.prepareStatement(
                    "INSERT INTO label(name, description, hotkey, position) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT(name) DO UPDATE SET description = excluded.description, "
                            + "hotkey = excluded.hotkey, position = excluded.position")) {
                int position = 0;
                for (LabelDefinition label : labels) {
                    upsert.setString(1, label.name());
                    upsert.setString(2, label.description() == null ? "" : label.description());
                    upsert.setString(3, label.hotkey());
                    upsert.setInt(4, position++);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
    }
}
