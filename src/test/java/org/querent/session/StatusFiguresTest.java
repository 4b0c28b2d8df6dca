package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.ItemKind;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.store.EmbeddingRepository.Embedding;
import org.querent.store.LabelDefinition;
import org.querent.store.NewItem;

/**
 * The figures of 'status' come from partial indexes and a kept embedding count (migration 8, ADR 0025): they must
 * stay those of a plain count through inserts, deletes, state changes and duplicates, and their queries must read
 * indexes, never the item rows or the vector rows.
 */
class StatusFiguresTest {
    private static final String MODEL = "m";

    @TempDir
    Path dir;

    private static List<NewItem> items(int from, int to, String hashPrefix) {
        List<NewItem> items = new ArrayList<>();
        for (int i = from; i < to; i++) {
            items.add(new NewItem("t" + i, "t" + i + ".txt", -1, ItemKind.TEXT, "s", 4, 4, 0, hashPrefix + i, "text " + i,
                    null, null));
        }
        return items;
    }

    private static List<Embedding> vectors(int from, int to, String hashPrefix) {
        List<Embedding> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(new Embedding(hashPrefix + i, new float[] {i, 1, 0, 0}, null));
        }
        return out;
    }

    /** The figures as plain counts over the rows, the way 'status' counted before migration 8. */
    private static void assertPlainCounts(Project project, StatusService.Status status) {
        Map<String, Integer> byState = new LinkedHashMap<>();
        int[] duplicates = {0};
        int[] embeddings = {0};
        project.database().read(c -> {
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT state, count(*) FROM item NOT INDEXED GROUP BY state ORDER BY state")) {
                    while (rs.next()) {
                        byState.put(rs.getString(1), rs.getInt(2));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM item NOT INDEXED WHERE duplicate_of IS NOT NULL")) {
                    duplicates[0] = rs.getInt(1);
                }
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM embedding NOT INDEXED WHERE model_id = (SELECT id FROM model WHERE hash = 'm')")) {
                    embeddings[0] = rs.getInt(1);
                }
            }
            return null;
        });
        assertEquals(byState, status.itemsByState());
        assertEquals(List.copyOf(byState.keySet()), List.copyOf(status.itemsByState().keySet()), "in state order");
        assertEquals(duplicates[0], status.duplicates());
        assertEquals(embeddings[0], status.scored());
    }

    private static void execute(Project project, String sql) {
        project.database().write(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate(sql);
            }
            return null;
        });
    }

    @Test
    void figuresStayThoseOfAPlainCountThroughInsertsDeletesAndStateChanges() throws Exception {
        Path file = dir.resolve("p.querent");
        try (Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(file,
                Files.createDirectories(dir.resolve("data")), "builtin:minilm",
                List.of(new LabelDefinition("a", "", null), new LabelDefinition("b", "", null)), false, null))) {
            project.embeddings().registerModel(MODEL, "test", "test", "text", 4, List.of());
            project.embeddings().registerModel("other", "test", "test", "text", 4, List.of());
            project.items().upsert(items(0, 40, "h"));
            project.embeddings().saveAll(MODEL, vectors(0, 30, "h"));
            project.embeddings().saveAll("other", vectors(0, 5, "h")); // another model's rows are not counted
            StatusService service = new StatusService(project);

            StatusService.Status first = service.status(MODEL);
            assertEquals(30, first.scored());
            assertEquals(Map.of("active", 40), first.itemsByState());
            assertPlainCounts(project, first);
            assertTrue(project.meta().get(StatusService.SCORED_COUNT_KEY).orElseThrow().endsWith(":30"), "kept");
            assertPlainCounts(project, service.status(MODEL)); // from the kept count

            // Inserts: only the new rows are counted (the generation did not move), and the kept count follows.
            project.embeddings().saveAll(MODEL, vectors(30, 38, "h"));
            project.embeddings().saveAll(MODEL, vectors(0, 10, "h")); // again: an update in place, no new row
            assertEquals(38, service.status(MODEL).scored());
            assertPlainCounts(project, service.status(MODEL));

            // Deletes move the item generation (migration 7): the count starts again.
            execute(project, "DELETE FROM embedding WHERE model_id = (SELECT id FROM model WHERE hash = 'm') AND content_hash IN ('h3', 'h37')");
            assertEquals(36, service.status(MODEL).scored());
            assertPlainCounts(project, service.status(MODEL));
            // A delete of the newest row followed by an insert that takes its id again is seen too.
            long newest = project.embeddings().maxId();
            execute(project, "DELETE FROM embedding WHERE id = " + newest);
            project.embeddings().saveAll(MODEL, vectors(39, 40, "h"));
            assertPlainCounts(project, service.status(MODEL));

            // States and duplicates: a quarantine, a removal, two duplicates linked, new items.
            project.items().quarantine(project.items().byKey("t1").orElseThrow().id(), "unreadable");
            project.items().markRemoved(List.of("t2", "t5"));
            project.items().upsert(items(40, 45, "h")); // new ids
            project.items().upsert(List.of(new NewItem("d1", "d1.txt", -1, ItemKind.TEXT, "s", 4, 4, 0, "h10", "x",
                    null, null), new NewItem("d2", "d2.txt", -1, ItemKind.TEXT, "s", 4, 4, 0, "h11", "y", null, null)));
            project.items().linkDuplicates();
            StatusService.Status changed = service.status(MODEL);
            assertEquals(Map.of("active", 44, "quarantined", 1, "removed", 2), changed.itemsByState());
            assertEquals(2, changed.duplicates());
            assertPlainCounts(project, changed);

            // Every item out of 'active': no active figure at all, as GROUP BY gave none.
            execute(project, "UPDATE item SET state = 'removed', duplicate_of = NULL");
            StatusService.Status none = service.status(MODEL);
            assertFalse(none.itemsByState().containsKey("active"));
            assertPlainCounts(project, none);
        }
    }

    /** EXPLAIN QUERY PLAN of every count 'status' makes over a large table: indexes only. */
    @Test
    void theStatusCountsReadIndexesOnly() throws Exception {
        Path file = dir.resolve("p.querent");
        try (Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(file,
                Files.createDirectories(dir.resolve("data")), "builtin:minilm",
                List.of(new LabelDefinition("a", "", null), new LabelDefinition("b", "", null)), false, null))) {
            project.items().upsert(items(0, 3, "h"));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("SELECT NULL, count(*) FROM item UNION ALL SELECT state, count(*) FROM item WHERE state <> 'active' "
                + "GROUP BY state", "USING COVERING INDEX item_state_not_active");
        expected.put("SELECT count(*) FROM item WHERE duplicate_of IS NOT NULL", "USING COVERING INDEX item_duplicate_of");
        expected.put("SELECT count(*) FROM embedding WHERE model_id = (SELECT id FROM model WHERE hash = 'm') AND +id <= 9",
                "USING COVERING INDEX embedding_key (model_id=?)");
        expected.put("SELECT count(*) FROM embedding WHERE +model_id = (SELECT id FROM model WHERE hash = 'm') AND id <= 9 AND id > 5",
                "SEARCH embedding USING INTEGER PRIMARY KEY");
        expected.put("SELECT coalesce(max(id), 0) FROM embedding", "SEARCH embedding");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (Map.Entry<String, String> e : expected.entrySet()) {
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = st.executeQuery("EXPLAIN QUERY PLAN " + e.getKey())) {
                    while (rs.next()) {
                        plan.append(rs.getString("detail")).append('\n');
                    }
                }
                assertTrue(plan.toString().contains(e.getValue()), e.getKey() + ":\n" + plan);
                for (String line : plan.toString().split("\n")) {
                    assertFalse(line.matches("SCAN (item|embedding)"), "a scan of the rows: " + e.getKey() + ":\n" + plan);
                }
            }
            // The partial index stays out of the queries over active items (the pool load scans the items in order).
            try (ResultSet rs = st.executeQuery("EXPLAIN QUERY PLAN SELECT i.id FROM item i WHERE i.state = 'active' "
                    + "AND i.duplicate_of IS NULL ORDER BY i.id")) {
                assertTrue(rs.next());
                assertEquals("SCAN i", rs.getString("detail"));
            }
        }
    }
}
