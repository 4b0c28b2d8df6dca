package org.querent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Taxonomy versions: each change is appended as a version with who, why, the taxonomy after it and the
 * old-to-new name mapping. Publishing also rewrites the derived state in one transaction: the {@code label}
 * table (the taxonomy in force) and {@code label_now} (how a name given under any version reads today),
 * which the {@code current_label} view reads. Decisions themselves are never rewritten.
 */
public final class TaxonomyVersionRepository {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Database db;
    private final Clock clock;

    public TaxonomyVersionRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The version in force, 0 when none was published yet. */
    public int current() {
        return db.read(TaxonomyVersionRepository::current);
    }

    /** Records the taxonomy in force as version 1 when no version exists yet (a new project). */
    public void publishInitial(String author, String reason) {
        db.write(c -> {
            if (current(c) == 0) {
                insertVersion(c, 1, "initial", Map.of(), labels(c), author, reason);
            }
            return null;
        });
    }

    /**
     * Publishes a change: the taxonomy after it and what it did to names (old to new, null: retired).
     * Returns the new version number.
     */
    public int publish(String change, Map<String, Object> detail, List<LabelDefinition> after,
                       Map<String, String> mapping, String author, String reason) {
        return db.write(c -> {
            if (current(c) == 0) {
                insertVersion(c, 1, "initial", Map.of(), labels(c), author, "taxonomy in force before the first change");
            }
            int version = current(c) + 1;
            insertVersion(c, version, change, detail, after, author, reason);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO taxonomy_mapping(version, from_name, to_name) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> e : mapping.entrySet()) {
                    ps.setInt(1, version);
                    ps.setString(2, e.getKey());
                    ps.setString(3, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            replaceLabels(c, after);
            rebuildLabelNow(c);
            return version;
        });
    }

    /** Every version, oldest first. */
    public List<TaxonomyVersion> versions() {
        return db.read(TaxonomyVersionRepository::versions);
    }

    /** How a label given under a version reads today: the name now, or null when retired. */
    public static Map<String, String> nowNames(List<TaxonomyVersion> versions, int givenUnder) {
        Map<String, String> out = new LinkedHashMap<>();
        for (TaxonomyVersion v : versions) {
            if (v.version() != givenUnder) {
                continue;
            }
            for (LabelDefinition label : v.labels()) {
                String name = label.name();
                for (TaxonomyVersion later : versions) {
                    if (name == null) {
                        break;
                    }
                    if (later.version() > givenUnder && later.mapping().containsKey(name)) {
                        name = later.mapping().get(name);
                    }
                }
                out.put(label.name(), name);
            }
        }
        return out;
    }

    private static int current(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM taxonomy_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static List<LabelDefinition> labels(Connection c) throws SQLException {
        List<LabelDefinition> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, description, hotkey FROM label ORDER BY position")) {
            while (rs.next()) {
                out.add(new LabelDefinition(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    private void insertVersion(Connection c, int version, String change, Map<String, Object> detail,
                               List<LabelDefinition> labels, String author, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO taxonomy_version(version, uid, change, detail, "
                + "labels, author, reason, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, version);
            ps.setString(2, UUID.randomUUID().toString());
            ps.setString(3, change);
            ps.setString(4, Json.write(detail));
            ps.setString(5, writeLabels(labels));
            ps.setString(6, author);
            ps.setString(7, reason);
            ps.setString(8, Timestamps.now(clock));
            ps.executeUpdate();
        }
    }

    private static void replaceLabels(Connection c, List<LabelDefinition> after) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DELETE FROM label");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO label(name, description, hotkey, position) VALUES (?, ?, ?, ?)")) {
            int position = 0;
            for (LabelDefinition label : after) {
                ps.setString(1, label.name());
                ps.setString(2, label.description() == null ? "" : label.description());
                ps.setString(3, label.hotkey());
                ps.setInt(4, position++);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** label_now from the whole history: small (versions x labels), so rebuilt rather than patched. */
    private static void rebuildLabelNow(Connection c) throws SQLException {
        List<TaxonomyVersion> versions = versions(c);
        try (Statement st = c.createStatement()) {
            st.execute("DELETE FROM label_now");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO label_now(version, name, now_name) VALUES (?, ?, ?)")) {
            for (TaxonomyVersion v : versions) {
                for (Map.Entry<String, String> e : nowNames(versions, v.version()).entrySet()) {
                    if (!e.getKey().equals(e.getValue())) {
                        ps.setInt(1, v.version());
                        ps.setString(2, e.getKey());
                        ps.setString(3, e.getValue());
                        ps.addBatch();
                    }
                }
            }
            ps.executeBatch();
        }
    }

    private static List<TaxonomyVersion> versions(Connection c) throws SQLException {
        Map<Integer, Map<String, String>> mappings = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, from_name, to_name FROM taxonomy_mapping ORDER BY version")) {
            while (rs.next()) {
                mappings.computeIfAbsent(rs.getInt(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        List<TaxonomyVersion> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, uid, change, detail, labels, author, reason, published_at "
                     + "FROM taxonomy_version ORDER BY version")) {
            while (rs.next()) {
                int version = rs.getInt(1);
                out.add(new TaxonomyVersion(version, rs.getString(2), rs.getString(3), Json.map(rs.getString(4)),
                        readLabels(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                        mappings.getOrDefault(version, Map.of())));
            }
        }
        return out;
    }

    private static String writeLabels(List<LabelDefinition> labels) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (LabelDefinition l : labels) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("name", l.name());
            row.put("description", l.description() == null ? "" : l.description());
            row.put("hotkey", l.hotkey());
            rows.add(row);
        }
        return Json.write(rows);
    }

    private static List<LabelDefinition> readLabels(String json) {
        try {
            List<Map<String, String>> rows = MAPPER.readValue(json, new TypeReference<List<Map<String, String>>>() { });
            List<LabelDefinition> out = new ArrayList<>();
            for (Map<String, String> row : rows) {
                out.add(new LabelDefinition(row.get("name"), row.get("description"), row.get("hotkey")));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON list of labels: " + json, e);
        }
    }
}
