package org.querent.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.querent.common.ItemKind;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.store.DecisionRepository.NewDecision;

/**
 * What the per-item decision clock (ADR 18) costs when decisions are appended: 20,000 items, then one label each
 * as folder seeds do (one transaction), then one more label each (every item has a decision to read), against a
 * bare baseline measured in the same run: a plain JDBC batch insert of the same rows into a table without views,
 * triggers or indexes. Run: {@code mvn -o test -Pbenchmark -Dtest=DecisionAppendBenchmark}.
 */
@Tag("benchmark")
class DecisionAppendBenchmark {
    private static final int N = 20_000;

    @Test
    void appendingDecisions() throws Exception {
        for (int pass = 1; pass <= 3; pass++) {
            Path dir = Files.createTempDirectory("append-bench");
            Path data = Files.createDirectories(dir.resolve("data"));
            try (Project p = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"), data,
                    "builtin:minilm", List.of(new LabelDefinition("a", "", null), new LabelDefinition("b", "", null)),
                    false, null))) {
                List<NewItem> items = new ArrayList<>();
                for (int i = 0; i < N; i++) {
                    items.add(new NewItem("t" + i + ".txt", "t" + i + ".txt", -1, ItemKind.TEXT, "", 4, 4, 0, "h" + i,
                            "text", null, null));
                }
                p.items().upsert(items);
                List<NewDecision> first = new ArrayList<>();
                List<NewDecision> second = new ArrayList<>();
                for (long id = 1; id <= N; id++) {
                    first.add(new NewDecision(id, "label", List.of("a"), "ana", null, null, null, null, null, null, null,
                            null, "annotator"));
                    second.add(new NewDecision(id, "label", List.of("b"), "bob", null, null, null, null, null, null, null,
                            null, "annotator"));
                }
                long t0 = System.nanoTime();
                p.decisions().appendAll(first);
                long t1 = System.nanoTime();
                p.decisions().appendAll(second);
                long t2 = System.nanoTime();
                long bare = bare(dir.resolve("bare.db"));
                System.out.printf("pass %d: %,d labels on fresh items %d ms, %,d more (one each before) %d ms; bare batch "
                        + "insert %d ms; ratios %.1f and %.1f%n", pass, N, (t1 - t0) / 1_000_000, N, (t2 - t1) / 1_000_000,
                        bare / 1_000_000, (t1 - t0) / (double) bare, (t2 - t1) / (double) bare);
            }
        }
    }

    private static long bare(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("CREATE TABLE d (id INTEGER PRIMARY KEY, item_id INTEGER, kind TEXT, labels TEXT,"
                    + " annotator TEXT, decided_at TEXT, origin TEXT)");
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO d(item_id, kind, labels, annotator, decided_at, "
                    + "origin) VALUES (?, 'label', '[\"a\"]', 'ana', ?, 'annotator')")) {
                for (int i = 1; i <= N; i++) {
                    ps.setLong(1, i);
                    ps.setString(2, Timestamps.now(Clock.systemUTC()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            return System.nanoTime() - t0;
        }
    }
}
