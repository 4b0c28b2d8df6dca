package org.querent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The Java half of migration V6__compact_embeddings: SQL cannot turn float32 BLOBs into float16, so the rows
 * of the renamed old table are converted here, inside the migration's transaction, and the old table dropped.
 */
final class CompactEmbeddings {
    static final String SCRIPT = "V6__compact_embeddings.sql";

    private CompactEmbeddings() {
    }

    static void migrate(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT content_hash, model_hash, vector, class_scores "
                     + "FROM embedding_float32 ORDER BY content_hash, model_hash");
             PreparedStatement ps = c.prepareStatement("INSERT INTO embedding(content_hash, model_hash, vector, "
                     + "class_scores) VALUES (?,?,?,?)")) {
            int pending = 0;
            while (rs.next()) {
                ps.setString(1, rs.getString(1));
                ps.setString(2, rs.getString(2));
                ps.setBytes(3, Vectors.toHalfBytes(Vectors.fromBytes(rs.getBytes(3))));
                ps.setBytes(4, rs.getBytes(4));
                ps.addBatch();
                if (++pending == 1_000) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            ps.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE embedding_float32");
        }
    }
}
