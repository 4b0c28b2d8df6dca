package org.querent.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

/**
 * A project of 40 texts with 2-D embeddings and no model run: items 0-19 ("cat", folder a) lie near (1, 0),
 * items 20-39 ("dog", folder b) near (0, 1).
 */
final class RulesProject {
    static final String MODEL = "m1";
    static final List<String> LABELS = List.of("cat", "dog");
    static final int ITEMS = 40;

    private RulesProject() {
    }

    static Project create(Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"), data,
                "builtin:minilm", LABELS.stream().map(l -> new LabelDefinition(l, "", null)).toList(), false, null));
        List<NewItem> items = new ArrayList<>();
        List<Embedding> vectors = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            String key = String.format("%s/t-%02d.txt", i < 20 ? "a" : "b", i);
            items.add(new NewItem(key, key, -1, ItemKind.TEXT, i < 20 ? "a" : "b", 4, 4, 0, "h" + i, "text " + i, null, null));
            vectors.add(new Embedding("h" + i, vector(i), null));
        }
        project.items().upsert(items);
        project.embeddings().registerModel(MODEL, "test", "test", "text", 2, List.of());
        project.embeddings().saveAll(MODEL, vectors);
        return project;
    }

    static float[] vector(int i) {
        double a = (i < 20 ? 0 : Math.PI / 2) + (i % 20 - 10) * 0.03; // within +-0.3 rad of the class direction
        return new float[] {(float) Math.cos(a), (float) Math.sin(a)};
    }

    static String truth(long itemId, Project project) {
        return project.items().byId(itemId).orElseThrow().source().equals("a") ? "cat" : "dog";
    }

    /** A softmax head fitted on every item's truth, stored as the next version. */
    static int saveTrainedHead(Project project) {
        float[][] x = new float[ITEMS][];
        int[] y = new int[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            x[i] = vector(i);
            y[i] = i < 20 ? 0 : 1;
        }
        Head head = new HeadTrainer().train(TrainingData.singleLabel(x, y, 2), null, TrainSettings.defaults()).head();
        return project.heads().save(null, MODEL, LABELS, head.toBytes(), ITEMS, 0, Map.of());
    }

    /** Predictions that say "cat" for everything, as if head {@code version} made them. */
    static Predictions allCat(Pool pool, int version) {
        double[][] p = new double[pool.size()][];
        for (int i = 0; i < p.length; i++) {
            p[i] = new double[] {0.9, 0.1};
        }
        return new Predictions(p, LABELS, "head v" + version, version);
    }
}
