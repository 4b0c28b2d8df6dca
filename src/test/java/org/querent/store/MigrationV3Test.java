package org.querent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;

/** Schema 3 on an upgraded file and on a new one: global ids for rounds and heads, and a whole first taxonomy. */
class MigrationV3Test {
    private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @TempDir
    Path dir;

    private static List<String> column(Database db, String sql) {
        return db.read(c -> {
            List<String> out = new java.util.ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    @Test
    void everyRoundAndHeadHasAGlobalIdOldAndNew() throws Exception {
        Path file = dir.resolve("v1.querent");
        Files.copy(MigrationV2Test.FIXTURE, file);
        try (Database db = Database.open(file, false)) {
            List<String> rounds = column(db, "SELECT uid FROM round");
            assertTrue(!rounds.isEmpty() && rounds.stream().allMatch(u -> u != null && u.matches(UUID_V4)), rounds.toString());
            assertTrue(column(db, "SELECT uid FROM head").stream().allMatch(u -> u != null && u.matches(UUID_V4)));
            long id = new RoundRepository(db, Clock.systemUTC()).record("random", null, "m", "zero-shot", 1, 1, Map.of(),
                    List.of());
            String uid = column(db, "SELECT uid FROM round WHERE id = " + id).get(0);
            assertTrue(uid.matches(UUID_V4), uid);
            assertEquals(rounds.size() + 1, column(db, "SELECT DISTINCT uid FROM round").size());
        }
    }

    @Test
    void aNewProjectsFirstTaxonomyVersionHoldsItsLabels() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Path file = dir.resolve("new.querent");
        try (Project p = new ProjectService(Clock.systemUTC()).create(new NewProject(file, dir.resolve("data"),
                "builtin:minilm", List.of(new LabelDefinition("a", "", null), new LabelDefinition("b", "", null)), false,
                null))) {
            List<String> versions = column(p.database(), "SELECT version || ' ' || labels FROM taxonomy_version");
            assertEquals(1, versions.size(), versions.toString());
            assertTrue(versions.get(0).startsWith("1 [") && versions.get(0).contains("\"a\"")
                    && versions.get(0).contains("\"b\""), versions.toString());
        }
    }
}
