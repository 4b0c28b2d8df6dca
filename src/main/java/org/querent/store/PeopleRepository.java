package org.querent.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The project's people. Role changes are appended; a person's role is their newest one. */
public final class PeopleRepository {
    private final Database db;
    private final Clock clock;

    public PeopleRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records that {@code name} now has {@code role}, given by {@code changedBy}. */
    public Person assign(String name, String role, String changedBy, String reason) {
        return db.write(c -> {
            String at = Timestamps.now(clock);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO person_role(uid, name, role, changed_by, "
                    + "changed_at, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, name);
                ps.setString(3, role);
                ps.setString(4, changedBy);
                ps.setString(5, at);
                ps.setString(6, reason);
                ps.executeUpdate();
            }
            return new Person(name, role, changedBy, at);
        });
    }

    /** Everyone, by name. */
    public List<Person> people() {
        return db.read(c -> {
            List<Person> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name, role, changed_by, changed_at FROM person ORDER BY name")) {
                while (rs.next()) {
                    out.add(new Person(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        });
    }

    public Optional<Person> person(String name) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, role, changed_by, changed_at FROM person WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Person(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4))) : Optional.empty();
                }
            }
        });
    }
}
