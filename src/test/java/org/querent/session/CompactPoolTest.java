package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.ItemKind;
import org.querent.learn.Head;
import org.querent.learn.HeadTrainer;
import org.querent.learn.TrainSettings;
import org.querent.learn.TrainingData;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.store.EmbeddingRepository.Embedding;
import org.querent.store.LabelDefinition;
import org.querent.store.NewItem;

/** The compact pool: ids in item order, records on demand, float16 rows, and predictions equal to float[][] ones. */
class CompactPoolTest {
    @TempDir
    Path dir;

    @Test
    void holdsIdsAndFloat16RowsAndReadsItemsOnDemand() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"), data,
                "builtin:minilm", List.of(new LabelDefinition("a", "", null), new LabelDefinition("b", "", null)), false, null))) {
            project.embeddings().registerModel("m", "m", "m", "text", 8, List.of());
            List<NewItem> items = new ArrayList<>();
            List<Embedding> vectors = new ArrayList<>();
            Random random = new Random(5);
            float[][] raw = new float[50][8];
            for (int i = 0; i < 50; i++) {
                items.add(new NewItem("t" + i, "t" + i + ".txt", -1, ItemKind.TEXT, "s", 4, 4, 0, "h" + i, "body " + i, null, null));
                for (int d = 0; d < 8; d++) {
                    raw[i][d] = (float) random.nextGaussian();
                }
                if (i % 10 != 3) { // items 3, 13, ... wait for the model
                    vectors.add(new Embedding("h" + i, raw[i], null));
                }
            }
            project.items().upsert(items);
            project.embeddings().saveAll("m", vectors);

            Pool pool = Pool.load(project, "m");
            assertEquals(45, pool.size());
            assertEquals(5, pool.unscored());
            assertEquals(8, pool.dimension());
            assertFalse(pool.decodedAll());
            for (int row = 0; row < pool.size(); row++) {
                var item = pool.item(row);
                assertEquals(item.id(), pool.id(row));
                assertEquals(row, pool.indexOf(item.id()));
                int i = Integer.parseInt(item.key().substring(1));
                assertEquals("body " + i, item.body());
                float[] v = pool.vector(row);
                for (int d = 0; d < 8; d++) {
                    assertEquals(raw[i][d], v[d], Math.abs(raw[i][d]) * 0x1p-11f + 1e-6f);
                }
                if (row > 0) {
                    assertTrue(pool.id(row) > pool.id(row - 1));
                }
            }
            long unscoredId = project.items().byKey("t3").orElseThrow().id();
            assertEquals(-1, pool.indexOf(unscoredId));
            assertEquals(-1, pool.indexOf(99_999));

            // The head predicts the compact rows exactly as it predicts the decoded float[][].
            int[] y = new int[pool.size()];
            for (int row = 0; row < y.length; row++) {
                y[row] = pool.vector(row)[0] > 0 ? 1 : 0;
            }
            Head head = new HeadTrainer().train(TrainingData.singleLabel(pool.embeddings(), y, 2), null,
                    TrainSettings.defaults()).head();
            assertTrue(pool.decodedAll());
            double[][] fromRows = head.predict((org.querent.learn.Rows) pool);
            double[][] fromArrays = head.predict(pool.embeddings());
            for (int row = 0; row < y.length; row++) {
                assertArrayEquals(fromArrays[row], fromRows[row], 1e-12);
            }
            assertArrayEquals(head.logits(pool.embeddings())[7], head.logits((org.querent.learn.Rows) pool)[7], 1e-12);

            // The cache key follows the contents: scoring the rest changes it.
            byte[] before = pool.contentDigest();
            project.embeddings().saveAll("m", List.of(new Embedding("h3", raw[3], null)));
            Pool grown = Pool.load(project, "m");
            assertEquals(46, grown.size());
            assertFalse(Arrays.equals(before, grown.contentDigest()));
            assertArrayEquals(grown.contentDigest(), Pool.load(project, "m").contentDigest());
        }
    }
}
