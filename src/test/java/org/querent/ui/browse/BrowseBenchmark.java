package org.querent.ui.browse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.ItemKind;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.session.BrowseFilter;
import org.querent.session.BrowseQueries;
import org.querent.session.BrowseQueries.Cursor;
import org.querent.session.BrowseQueries.Page;
import org.querent.session.PredictedLabels;
import org.querent.session.Predictions;
import org.querent.store.DecisionRepository.NewDecision;
import org.querent.store.LabelDefinition;
import org.querent.store.NewItem;

/**
 * Browse pages over a large pool with one decision in twenty items, against a bare keyset read of the same
 * page in the same run: {@code mvn -o test -Pbenchmark -Dtest=BrowseBenchmark [-Dbrowse.items=1000000]}.
 * Prints, per filter, the first page, a page 90% of the way in, the page before it, and the count.
 */
@Tag("benchmark")
class BrowseBenchmark {
    private static final int PAGE = BrowseViewModel.PAGE_SIZE;

    @TempDir
    Path dir;

    @Test
    void browseALargePool() throws Exception {
        int n = Integer.getInteger("browse.items", 100_000);
        Path data = Files.createDirectories(dir.resolve("data"));
        try (Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"), data,
                "builtin:minilm", List.of(new LabelDefinition("a", "", null), new LabelDefinition("b", "", null)), false, null))) {
            fill(project, n);
            BrowseQueries queries = new BrowseQueries(project);
            long deep = (long) (n * 0.9);
            PredictedLabels predicted = predictions(n);
            System.out.printf("%,d items, %,d decisions, pages of %,d%n", n, n / 20, PAGE);
            for (int pass = 0; pass < 2; pass++) {
                System.out.println(pass == 0 ? "-- first pass (cold)" : "-- second pass");
                double bareFirst = time("bare keyset page", () -> barePage(project, 0));
                double bareDeep = time("bare keyset deep", () -> barePage(project, deep));
                bench(queries, "all items", BrowseFilter.all(), "", deep, bareFirst, bareDeep);
                bench(queries, "unlabelled", BrowseFilter.of(BrowseFilter.Kind.UNLABELLED), "", deep, bareFirst, bareDeep);
                bench(queries, "labelled as a", new BrowseFilter(BrowseFilter.Kind.LABELLED_AS, "a"), "", deep, bareFirst,
                        bareDeep);
                bench(queries, "decided by ana", new BrowseFilter(BrowseFilter.Kind.DECIDED_BY, "ana"), "", deep,
                        bareFirst, bareDeep);
                bench(queries, "quarantined", BrowseFilter.of(BrowseFilter.Kind.QUARANTINED), "", deep, bareFirst,
                        bareDeep);
                bench(queries, "search 'topic 42 '", BrowseFilter.all(), "topic 42 ", deep, bareFirst, bareDeep);
                BrowseFilter predictedA = new BrowseFilter(BrowseFilter.Kind.PREDICTED_AS, "a");
                bench(queries, predicted, "predicted as a", predictedA, "", deep, bareFirst, bareDeep);
                bench(queries, predicted, "predicted as a + 'topic 42 '", predictedA, "topic 42 ", deep, bareFirst, bareDeep);
                time("filter choices", () -> queries.filters(false).size());
            }
        }
    }

    private static void bench(BrowseQueries queries, String what, BrowseFilter filter, String search, long deep,
                              double bareFirst, double bareDeep) {
        bench(queries, PredictedLabels.NONE, what, filter, search, deep, bareFirst, bareDeep);
    }

    private static void bench(BrowseQueries queries, PredictedLabels predicted, String what, BrowseFilter filter,
                              String search, long deep, double bareFirst, double bareDeep) {
        double first = time(what + ": first page", () -> page(queries, predicted, filter, search, Cursor.FIRST)
                .items().size());
        System.out.printf("%48s %.1f× the bare page%n", "", first / bareFirst);
        Page[] deepPage = new Page[1];
        double in = time(what + ": page at 90%", () -> {
            deepPage[0] = page(queries, predicted, filter, search, Cursor.after(deep));
            return deepPage[0].items().size();
        });
        System.out.printf("%48s %.1f× the bare page%n", "", in / bareDeep);
        time(what + ": page before", () -> page(queries, predicted, filter, search, deepPage[0].previous())
                .items().size());
        time(what + ": count", () -> queries.count(filter, search, predicted));
    }

    private static Page page(BrowseQueries queries, PredictedLabels predicted, BrowseFilter filter, String search,
                             Cursor at) {
        return queries.page(filter, search, predicted, at, PAGE);
    }

    /** Two-class predictions for every item (ids 1..n, as the fill gives them), a third of them "a". */
    private static PredictedLabels predictions(int n) {
        double[][] p = new double[n][];
        long[] ids = new long[n];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            double a = random.nextDouble() < 1 / 3.0 ? 0.5 + random.nextDouble() / 2 : random.nextDouble() / 2;
            p[i] = new double[] {a, 1 - a};
            ids[i] = i + 1;
        }
        return PredictedLabels.align(ids, new Predictions(p, List.of("a", "b"), "benchmark head", 1), false);
    }

    /** The least a page can cost: ids and paths of the next rows by primary key, nothing joined. */
    private static int barePage(Project project, long after) {
        return project.database().scan(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, path, body FROM item WHERE id > ? ORDER BY id LIMIT "
                    + PAGE)) {
                ps.setLong(1, after);
                int rows = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(2);
                        rows++;
                    }
                }
                return rows;
            }
        });
    }

    private static void fill(Project project, int n) {
        List<NewItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String body = "message " + i + " about topic " + (i % 97) + " with some more words to search through";
            items.add(new NewItem("t" + i, "folder/t" + i + ".txt", -1, ItemKind.TEXT, "data", body.length(),
                    body.length(), 0, "h" + i, body, null, i % 5_000 == 0 ? "unreadable" : null));
            if (items.size() == 50_000) {
                project.items().upsert(items);
                items.clear();
            }
        }
        project.items().upsert(items);
        List<NewDecision> decisions = new ArrayList<>();
        for (long id = 20; id <= n; id += 20) {
            decisions.add(new NewDecision(id, "label", List.of(id % 40 == 0 ? "a" : "b"), id % 60 == 0 ? "ben" : "ana",
                    null, null, null, null, null, null, null, null, "annotator"));
        }
        project.decisions().appendAll(decisions);
    }

    private static double time(String what, IntSupplier query) {
        long start = System.nanoTime();
        int rows = query.getAsInt();
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.printf("%-36s %,9d rows %9.1f ms%n", what, rows, ms);
        return ms;
    }
}
