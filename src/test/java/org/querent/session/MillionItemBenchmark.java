package org.querent.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.Cancellation;
import org.querent.common.ItemKind;
import org.querent.learn.Head;
import org.querent.learn.TrainSettings;
import org.querent.learn.pool.HeadKind;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.query.rules.BatchRules;
import org.querent.runtime.EmbeddingModel;
import org.querent.runtime.ModelLoader;
import org.querent.store.DecisionRepository.NewDecision;
import org.querent.store.EmbeddingRepository.Embedding;
import org.querent.store.HeadRecord;
import org.querent.store.LabelDefinition;
import org.querent.store.NewItem;
import org.querent.store.Vectors;

/**
 * A 1,000,000-item project of synthetic 384-d vectors (issue 12, item 2): open and first item, heap, re-rank after
 * a retrain, status. Run it within the 1 GB heap the issue allows:
 * <pre>mvn -o test -Pbenchmark -Dtest.heap=1g -Dtest=MillionItemBenchmark</pre>
 */
@Tag("benchmark")
class MillionItemBenchmark {
    private static final int N = Integer.getInteger("million.items", 1_000_000);
    private static final int DIM = 384;
    private static final int CLASSES = 3;
    private static final int BATCH = 20_000;

    @TempDir
    Path dir;

    @Test
    void aMillionItems() throws Exception {
        // -Dmillion.folder=DIR keeps the built project there, and a second run reuses it instead of building again.
        Path folder = System.getProperty("million.folder") == null ? dir : Path.of(System.getProperty("million.folder"));
        Path data = Files.createDirectories(folder.resolve("data"));
        Path file = folder.resolve("million.querent");
        boolean reuse = Files.isRegularFile(file);
        List<LabelDefinition> labels = List.of(new LabelDefinition("a", "", null), new LabelDefinition("b", "", null),
                new LabelDefinition("c", "", null));
        String hash;
        long t0 = System.nanoTime();
        if (reuse) {
            try (Project project = new ProjectService(Clock.systemUTC()).open(file)) {
                hash = project.meta().get(ModelSession.LAST_MODEL_HASH).orElseThrow();
            }
        } else try (Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(file, data, "builtin:minilm",
                labels, false, null)); EmbeddingModel model = ModelLoader.open("builtin:minilm", dir)) {
            hash = ModelSession.sharing(project, model).hash();
            Random random = new Random(12);
            float[][] centres = new float[CLASSES][DIM];
            for (float[] c : centres) {
                for (int d = 0; d < DIM; d++) {
                    c[d] = (float) random.nextGaussian();
                }
            }
            for (int start = 0; start < N; start += BATCH) {
                List<NewItem> items = new ArrayList<>(BATCH);
                List<Embedding> vectors = new ArrayList<>(BATCH);
                for (int i = start; i < Math.min(N, start + BATCH); i++) {
                    String body = "message " + i + " about topic " + (i % 97);
                    items.add(new NewItem("t" + i, "folder/t" + i + ".txt", -1, ItemKind.TEXT, "list" + (i % 5),
                            body.length(), body.length(), 0, "h" + i, body, null, null));
                    vectors.add(new Embedding("h" + i, around(centres[i % CLASSES], random), null));
                }
                project.items().upsert(items);
                project.embeddings().saveAll(hash, vectors);
            }
            label(project, 1, 300);
            new TrainingService(project).train(Pool.load(project, hash), TrainSettings.defaults(), HeadKind.SUPERVISED,
                    Cancellation.none());
        }
        System.out.printf((reuse ? "reused" : "built") + " %,d items x %d (float16) in %.0f s: file %,d bytes%n", N, DIM, (System.nanoTime() - t0) / 1e9,
                Files.size(file));
        System.out.printf("max heap %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);

        for (int pass = 1; pass <= 2; pass++) {
            long bare = bareVectorScan(file);
            System.out.printf("pass %d: bare baseline, plain JDBC scan of every vector BLOB into short[] chunks: %d ms%n", pass, bare);

            // Each phase in its own method: its pool is unreachable once it returns (a dead local in this frame
            // would keep 768 MB alive and the next phase would not fit in the 1 GB heap).
            openAndShowFirstItem(file, pass, bare, "after a retrain: no saved queue for this head, the whole pool ranked first");
            openAndShowFirstItem(file, pass, bare, "opened again: from the saved queue, the pool loaded behind it");
            reRankAfterARetrain(file, hash, pass);
            status(file, hash, pass);
        }
    }

    private static void openAndShowFirstItem(Path file, int pass, long bare, String how) {
        // Open and show the first item, as the workstation does (open, session start: pool, predict, rank).
        long open0 = System.nanoTime();
        ProjectOpener.Opened opened = new ProjectOpener().open(file);
        long opened1 = System.nanoTime();
        try (OpenProject project = opened.project()) {
            // The workstation's lanes: training and ranking each on a thread of their own.
            java.util.concurrent.ExecutorService ranking = java.util.concurrent.Executors.newSingleThreadExecutor();
            LabellingSession session = project.newSession("bench", new LabellingSession.Settings("margin", 20, 1_000),
                    Runnable::run, ranking);
            project.attach(session);
            session.start();
            String first = session.current().orElseThrow().item().key();
            long shown = System.nanoTime();
            session.awaitPool();
            long loaded = System.nanoTime();
            System.out.printf("pass %d: open + first item (%s, %s): %.2f s (open %.2f, session start %.2f); ratio to"
                            + " bare scan %.2f; whole pool loaded and ranked behind it after %.2f s; heap used %,d MB%n",
                    pass, first, how,
                    (shown - open0) / 1e9, (opened1 - open0) / 1e9, (shown - opened1) / 1e9,
                    (shown - open0) / 1e6 / bare, (loaded - open0) / 1e9, heapUsedMb());
            ranking.shutdown();
            try {
                ranking.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void reRankAfterARetrain(Path file, String hash, int pass) {
        // Re-rank after a retrain: a loaded pool, 30 more labels, train, then predict + margin top 20.
        try (Project project = new ProjectService(Clock.systemUTC()).open(file)) {
            Pool pool = Pool.load(project, hash);
            label(project, 300 + pass * 30 - 29, 300 + pass * 30);
            long train0 = System.nanoTime();
            new TrainingService(project).train(pool, TrainSettings.defaults(), HeadKind.SUPERVISED, Cancellation.none());
            long trained = System.nanoTime();
            HeadRecord head = project.heads().latest(hash).orElseThrow();
            Predictions predictions = Predictor.predict(project, pool, head, List.of(), null);
            QueueService.Queue queue = new QueueService(project).next(pool, predictions, "margin", 20, pass, Set.of(),
                    BatchRules.none());
            long ranked = System.nanoTime();
            long bareDots = bareDotLoop(pool, Head.fromBytes(head.weights()));
            System.out.printf("pass %d: retrain on %d labels %.2f s; re-rank %,d (predict + margin top %d): %d ms;"
                            + " bare float16 decode + dot-product loop %d ms; ratio %.2f; heap used %,d MB%n", pass,
                    300 + pass * 30, (trained - train0) / 1e9, pool.size(), queue.entries().size(),
                    (ranked - trained) / 1_000_000, bareDots, (ranked - trained) / 1e6 / bareDots, heapUsedMb());
        }
    }

    private static void status(Path file, String hash, int pass) {
        // status, as 'querent status' computes it (figures, then the stopping signal over the pool).
        try (Project project = new ProjectService(Clock.systemUTC()).open(file)) {
            long s0 = System.nanoTime();
            StatusService.Status status = new StatusService(project).status(hash);
            long s1 = System.nanoTime();
            new StoppingSignalService(project).signal(hash); // as 'querent status': the stop set's vectors only
            long s2 = System.nanoTime();
            System.out.printf("pass %d: status figures %d ms (%d versions), stopping signal (stop set's vectors) %d ms,"
                    + " in all %.2f s; heap used %,d MB%n", pass, (s1 - s0) / 1_000_000, status.versions().size(),
                    (s2 - s1) / 1_000_000, (s2 - s0) / 1e9, heapUsedMb());
        }
    }

    private static void label(Project project, long fromId, long toId) {
        List<NewDecision> decisions = new ArrayList<>();
        for (long id = fromId; id <= toId; id++) {
            String label = List.of("a", "b", "c").get((int) ((id - 1) % CLASSES));
            decisions.add(new NewDecision(id, "label", List.of(label), "ana", null, null, null, null, null, null, null,
                    null, "annotator"));
        }
        project.decisions().appendAll(decisions);
    }

    /** The least any loader can do: read every vector BLOB of the file into one flat array. */
    private static long bareVectorScan(Path file) throws Exception {
        long start = System.nanoTime();
        // In chunks of 256 rows, as the pool holds them (HalfMatrix): one 768 MB array does not always fit a 1 GB heap.
        short[][] chunks = new short[(N + 255) / 256][];
        int row = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT vector FROM embedding")) {
            while (rs.next()) {
                if ((row & 255) == 0) {
                    chunks[row >>> 8] = new short[256 * DIM];
                }
                Vectors.halfBytesInto(rs.getBytes(1), chunks[row >>> 8], (row & 255) * DIM);
                row++;
            }
        }
        if (row != N) {
            throw new AssertionError(row + " vectors");
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** One decode and one dot product per class and row, on one thread, nothing else. */
    private static long bareDotLoop(Pool pool, Head head) {
        long start = System.nanoTime();
        float[] row = new float[DIM];
        double checksum = 0;
        for (int i = 0; i < pool.size(); i++) {
            pool.copyRow(i, row);
            for (float[] w : head.weights()) {
                double dot = 0;
                for (int k = 0; k < DIM; k++) {
                    dot += row[k] * w[k];
                }
                checksum += dot;
            }
        }
        if (Double.isNaN(checksum)) {
            throw new AssertionError();
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long heapUsedMb() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    private static float[] around(float[] centre, Random random) {
        float[] v = new float[DIM];
        double norm = 0;
        for (int d = 0; d < DIM; d++) {
            v[d] = centre[d] * 0.15f + (float) random.nextGaussian();
            norm += v[d] * v[d];
        }
        for (int d = 0; d < DIM; d++) {
            v[d] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
