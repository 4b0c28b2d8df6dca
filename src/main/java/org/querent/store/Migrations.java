package org.querent.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;

/**
 * Ordered schema migrations, tracked in {@code PRAGMA user_version}. Each script runs in one
 * transaction that ends by bumping the version, so a crash leaves the file at a whole version.
 */
public final class Migrations {

    /** Keys embeddings by a model id: rewrites the embedding table, like V6 (ADR 0026). */
    static final String MODEL_IDS = "V9__embedding_model_id.sql";

    /**
     * Scripts in order; script VN__ brings the schema to version N. The list must not skip a number.
     */
    private static final List<String> SCRIPTS = List.of("V1__project.sql", "V2__teams.sql", "V3__work_packages.sql",
            "V4__evaluation.sql", "V5__audio.sql", CompactEmbeddings.SCRIPT, "V7__item_generation.sql",
            "V8__status_indexes.sql", MODEL_IDS);

    /** The schema version this build writes. */
    public static final int CURRENT_VERSION = version(SCRIPTS.get(SCRIPTS.size() - 1));

    private Migrations() {
    }

    static void apply(Database db, boolean created) {
        int version = db.read(Migrations::userVersion);
        refuseNewer(version, CURRENT_VERSION);
        if (version == 0 && !created) {
            // Only 'init' creates a project: an empty or foreign database is reported, never initialised.
            throw new QuerentException(ErrorKind.PROJECT, "the file " + db.file().getFileName()
                    + " is not a Querent project: open a .querent file made by 'querent init'");
        }
        boolean compacted = false;
        for (String name : SCRIPTS) {
            int target = version(name);
            if (target <= version) {
                continue;
            }
            // Both rewrite the embedding table whole: the old table's pages are free afterwards.
            compacted |= (name.equals(CompactEmbeddings.SCRIPT) || name.equals(MODEL_IDS)) && !created;
            String script = load(name);
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    for (String sql : statements(script)) {
                        st.execute(sql);
                    }
                    javaStep(name, c);
                    st.execute("PRAGMA user_version = " + target);
                }
                return null;
            });
        }
        if (compacted) {
            // The old embedding table's pages are free now; giving them back shrinks the file to the compact size.
            db.read(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("VACUUM");
                }
                return null;
            });
        }
    }

    /** The part of a migration SQL cannot do, run in the same transaction after its script. */
    private static void javaStep(String script, Connection c) throws SQLException {
        if (script.equals(CompactEmbeddings.SCRIPT)) {
            CompactEmbeddings.migrate(c);
        }
    }

    /** N of a script named VN__something.sql. */
    static int version(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    /** The "newer file" check, the same in every version: a reader never opens a schema it does not know. */
    static void refuseNewer(int fileVersion, int readsUpTo) {
        if (fileVersion > readsUpTo) {
            throw new QuerentException(ErrorKind.PROJECT, "the project was saved by a newer Querent (schema "
                    + fileVersion + ", this version reads up to " + readsUpTo + "): update Querent to open it");
        }
    }

    /** For a reader, which cannot migrate: the file must be a project at this build's schema. */
    static void requireReadable(Database db) {
        int version = db.read(Migrations::userVersion);
        refuseNewer(version, CURRENT_VERSION);
        if (version == 0) {
            throw new QuerentException(ErrorKind.PROJECT, "the file " + db.file().getFileName()
                    + " is not a Querent project: open a .querent file made by 'querent init'");
        }
        if (version < CURRENT_VERSION) {
            throw new QuerentException(ErrorKind.PROJECT, "the project was saved by an older Querent (schema "
                    + version + "): open it once with a command that writes, such as 'querent import', to upgrade it");
        }
    }

    static int userVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String load(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name, e);
        }
    }

    /**
     * Splits a script into statements: comments dropped, then split at semicolons ending a line, except
     * inside a trigger's BEGIN ... END, which ends at a line reading END;.
     */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : script.split("\n")) {
            int comment = raw.indexOf("--");
            String line = comment >= 0 ? raw.substring(0, comment) : raw;
            current.append(line).append('\n');
            String text = current.toString().trim();
            boolean trigger = text.regionMatches(true, 0, "CREATE TRIGGER", 0, "CREATE TRIGGER".length());
            boolean ends = trigger ? line.trim().equalsIgnoreCase("END;") : line.stripTrailing().endsWith(";");
            if (ends) {
                out.add(text.substring(0, text.length() - 1).trim());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().trim());
        }
        return out;
    }
}
