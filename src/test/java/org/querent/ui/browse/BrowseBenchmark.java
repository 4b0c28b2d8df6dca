package org.querent.ui.browse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.ItemKind;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.session.BrowseFilter;
import org.querent.session.BrowseQueries;
import org.querent.session.PredictedLabels;
import org.querent.store.DecisionRepository.NewDecision;
import org.querent.store.LabelDefinition;
import org.querent.store.NewItem;

/** Browse queries over 100,000 items and 5,000 decisions: {@code mvn -o test -Pbenchmark -Dtest=BrowseBenchmark}. */
@Tag("benchmark")
class BrowseBenchmark {
    @TempDir
    Path dir;

    @Test
    void browseOneHundredThousandItems() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"), data,
                "builtin:minilm", List.of(new LabelDefinition("a", "", null), new LabelDefinition("b", "", null)), false, null))) {
            List<NewItem> items = new ArrayList<>();
            for (int i = 0; i < 100_000; i++) {
                String body = "message " + i + " about topic " + (i % 97) + " with some more words to search through";
                items.add(new NewItem("t" + i, "folder/t" + i + ".txt", -1, ItemKind.TEXT, "data", body.length(),
                        body.length(), 0, "h" + i, body, null, null));
            }
            project.items().upsert(items);
            List<NewDecision> decisions = new ArrayList<>();
            for (long id = 1; id <= 5_000; id++) {
                decisions.add(new NewDecision(id * 7, "label", List.of(id % 2 == 0 ? "a" : "b"), "ana", null, null, null,
                        null, null, null, null, null, "annotator"));
            }
            project.decisions().appendAll(decisions);
            BrowseQueries queries = new BrowseQueries(project);
            for (int pass = 0; pass < 2; pass++) {
                time("all", () -> queries.find(BrowseFilter.all(), "", PredictedLabels.NONE).items().size());
                time("unlabelled", () -> queries.find(BrowseFilter.of(BrowseFilter.Kind.UNLABELLED), "", PredictedLabels.NONE)
                        .items().size());
                time("labelled as a", () -> queries.find(new BrowseFilter(BrowseFilter.Kind.LABELLED_AS, "a"), "",
                        PredictedLabels.NONE).items().size());
                time("search 'topic 42 '", () -> queries.find(BrowseFilter.all(), "topic 42 ", PredictedLabels.NONE)
                        .items().size());
                time("filters", () -> queries.filters(false).size());
            }
        }
    }

    private static void time(String what, java.util.function.IntSupplier query) {
        long start = System.nanoTime();
        int n = query.getAsInt();
        System.out.printf("%-20s %,7d rows %6d ms%n", what, n, (System.nanoTime() - start) / 1_000_000);
    }
}
