package org.querent.ui.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.project.Project;
import org.querent.session.BrowseFilter;
import org.querent.session.BrowseQueries;
import org.querent.session.BrowseQueries.BrowseItem;
import org.querent.session.BrowseQueries.Cursor;
import org.querent.session.BrowseQueries.Page;
import org.querent.session.PredictedLabels;
import org.querent.session.Predictions;
import org.querent.store.EmbeddingRepository.Embedding;

/** The "predicted" column and filter: prediction rows lined up with scored items, never with the wrong ones. */
class PredictedColumnTest {
    @TempDir
    Path dir;

    @Test
    void predictionsAreLinedUpWithScoredItemsAndFilterByPredictedLabel() throws Exception {
        try (Project project = TestProjects.sample(dir)) {
            // notes 1, 2 and 7 are scored: pool rows 0, 1, 2 in id order
            project.embeddings().saveAll("m1", List.of(embedding("hash-1"), embedding("hash-2"), embedding("hash-7")));
            Predictions predictions = new Predictions(new double[][] {{0.9, 0.05, 0.05}, {0.2, 0.7, 0.1}, {0.1, 0.3, 0.6}},
                    TestProjects.LABELS, "head v2", 2);
            BrowseQueries queries = new BrowseQueries(project);
            PredictedLabels predicted = queries.predictedLabels(predictions, "m1");

            List<BrowseItem> dogs = queries.page(new BrowseFilter(BrowseFilter.Kind.PREDICTED_AS, "dog"), "", predicted,
                    Cursor.FIRST, 100).items();

            assertEquals(List.of(TestProjects.idOf(project, 2)), dogs.stream().map(BrowseItem::id).toList());
            assertEquals(0.7, dogs.get(0).predicted().confidence(), 1e-9);
            assertEquals("bird", predicted.of(TestProjects.idOf(project, 7)).labels());
            assertNull(predicted.of(TestProjects.idOf(project, 3)), "not scored: no prediction");
            assertSame(predicted, queries.predictedLabels(predictions, "m1"), "kept until the predictions change");
            assertTrue(queries.filters(true).contains(new BrowseFilter(BrowseFilter.Kind.PREDICTED_AS, "bird")));
        }
    }

    @Test
    void predictedAsPagesOverThePredictedItemsAndNarrowsBySearch() throws Exception {
        try (Project project = TestProjects.sample(dir)) {
            project.embeddings().saveAll("m1", List.of(embedding("hash-1"), embedding("hash-2"), embedding("hash-7")));
            Predictions predictions = new Predictions(new double[][] {{0.9, 0.05, 0.05}, {0.6, 0.3, 0.1}, {0.8, 0.1, 0.1}},
                    TestProjects.LABELS, "head v2", 2);
            BrowseQueries queries = new BrowseQueries(project);
            PredictedLabels predicted = queries.predictedLabels(predictions, "m1");
            BrowseFilter cats = new BrowseFilter(BrowseFilter.Kind.PREDICTED_AS, "cat");
            long one = TestProjects.idOf(project, 1);
            long two = TestProjects.idOf(project, 2);
            long seven = TestProjects.idOf(project, 7);

            Page first = queries.page(cats, "", predicted, Cursor.FIRST, 2);
            assertEquals(List.of(one, two), ids(first));
            assertTrue(first.hasNext());
            assertFalse(first.hasPrevious());

            Page second = queries.page(cats, "", predicted, first.next(), 2);
            assertEquals(List.of(seven), ids(second));
            assertFalse(second.hasNext());
            assertTrue(second.hasPrevious());
            assertEquals(List.of(one, two), ids(queries.page(cats, "", predicted, second.previous(), 2)));
            assertEquals(3, queries.count(cats, "", predicted));

            Page searched = queries.page(cats, "NUMBER 7", predicted, Cursor.FIRST, 2);
            assertEquals(List.of(seven), ids(searched));
            assertTrue(searched.isWhole());
            assertEquals(1, queries.count(cats, "number 7", predicted));
        }
    }

    @Test
    void predictionsThatNoLongerMatchTheItemsAreNotShown() throws Exception {
        try (Project project = TestProjects.sample(dir)) {
            project.embeddings().saveAll("m1", List.of(embedding("hash-1"), embedding("hash-2")));
            Predictions stale = new Predictions(new double[][] {{1, 0, 0}}, TestProjects.LABELS, "head v1", 1);

            assertTrue(new BrowseQueries(project).predictedLabels(stale, "m1").isEmpty());
        }
    }

    private static List<Long> ids(Page page) {
        return page.items().stream().map(BrowseItem::id).toList();
    }

    private static Embedding embedding(String contentHash) {
        return new Embedding(contentHash, new float[] {1, 0}, null);
    }
}
