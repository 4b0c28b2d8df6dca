package org.querent.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.TestData;
import org.querent.common.Cancellation;
import org.querent.common.ItemKind;
import org.querent.common.ProgressListener;
import org.querent.learn.Head;
import org.querent.learn.HeadTrainer;
import org.querent.learn.TrainResult;
import org.querent.learn.TrainSettings;
import org.querent.learn.TrainingData;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.query.QueryContext;
import org.querent.query.Strategies;
import org.querent.runtime.BareInferenceLoop;
import org.querent.runtime.EmbeddingModel;
import org.querent.runtime.ModelInput;
import org.querent.runtime.ModelLoader;
import org.querent.store.EmbeddingRepository.Embedding;
import org.querent.store.LabelDefinition;
import org.querent.store.NewItem;

/**
 * Speed figures for the README, each against a bare baseline measured in the same run:
 * <pre>mvn -o test -Pbenchmark -Dtest=ScoringBenchmark</pre>
 */
@Tag("benchmark")
class ScoringBenchmark {
    private static final int BATCH = 32;

    @TempDir
    Path dir;

    /** score (read, tokenise, infer, store, pipelined) against a bare tokenise+infer loop on the same session. */
    @Test
    void scoringThroughputAgainstABareLoop() throws Exception {
        Path data = dir.resolve("data");
        TestData.copyEmails(data, 50);
        List<LabelDefinition> labels = TestData.emailLabels().stream().map(l -> new LabelDefinition(l, "", null)).toList();
        try (EmbeddingModel model = ModelLoader.open("builtin:minilm", dir)) {
            List<ModelInput> texts = new ArrayList<>();
            try (var files = Files.list(data)) {
                for (Path f : files.sorted().toList()) {
                    texts.add(ModelInput.text(Files.readString(f)));
                }
            }
            BareInferenceLoop.run(model, texts.subList(0, 64), BATCH); // warm-up
            for (int pass = 1; pass <= 2; pass++) {
                BareInferenceLoop.Measurement bare = BareInferenceLoop.run(model, texts, BATCH);
                Path file = dir.resolve("pass" + pass + ".querent");
                try (Project project = new ProjectService(Clock.systemUTC()).create(
                        new NewProject(file, data, "builtin:minilm", labels, false, null))) {
                    new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
                    ScoringService.Report report = new ScoringService(project, ModelSession.sharing(project, model))
                            .score(BATCH, ProgressListener.NONE, Cancellation.none());
                    double bareRate = bare.items() * 1e9 / bare.nanos();
                    System.out.printf("pass %d: %d texts, batch %d: bare loop %.1f texts/s, score %.1f texts/s, ratio %.2f%n",
                            pass, texts.size(), BATCH, bareRate, report.itemsPerSecond(), report.itemsPerSecond() / bareRate);
                }
            }
        }
    }

    /**
     * Issue 12, item 1: {@code score} on 2,000 mailing-list texts against the fastest bare loop measured for the int8
     * model (one text per run on two one-thread sessions, two threads), same texts, alternating bare and score
     * (A B A B) so that load from other processes on the machine hits both. {@code -Dscoring.texts=N} for fewer.
     */
    @Test
    void scoringTheMailingListsAgainstTheFastestBareLoop() throws Exception {
        org.querent.SharedDatasets.require("mailing-lists");
        Path mails = org.querent.SharedDatasets.root().resolve("mailing-lists");
        int n = Integer.getInteger("scoring.texts", 2_000);
        Path data = dir.resolve("mails");
        List<Path> files;
        try (var walk = Files.walk(mails)) {
            files = walk.filter(Files::isRegularFile).sorted().limit(n).toList();
        }
        for (Path f : files) {
            Path target = data.resolve(mails.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.copy(f, target);
        }
        List<ModelInput> texts = BareInferenceLoop.textsFrom(data, n);
        List<LabelDefinition> labels = List.of(new LabelDefinition("a", "", null), new LabelDefinition("b", "", null));
        org.querent.runtime.RuntimeOptions defaults = org.querent.runtime.RuntimeOptions.defaults();
        org.querent.runtime.RuntimeOptions oneThread = new org.querent.runtime.RuntimeOptions(false, 1, null);
        System.out.printf("%d cores; score uses %d sessions x %d threads (-Dquerent.sessions)%n",
                Runtime.getRuntime().availableProcessors(), defaults.sessions(), defaults.intraOpThreads());
        try (EmbeddingModel first = ModelLoader.open("builtin:minilm", dir, oneThread);
             EmbeddingModel second = ModelLoader.open("builtin:minilm", dir, oneThread);
             EmbeddingModel scoring = ModelLoader.open("builtin:minilm", dir, defaults)) {
            twoSessionLoop(first, second, texts.subList(0, 32)); // warm-up
            BareInferenceLoop.run(scoring, texts.subList(0, 32), 1);
            double[] ratios = new double[2];
            for (int pass = 1; pass <= 2; pass++) {
                double bare = twoSessionLoop(first, second, texts);
                try (Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(
                        dir.resolve("mails" + pass + ".querent"), data, "builtin:minilm", labels, false, null))) {
                    new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
                    ScoringService.Report report = new ScoringService(project, ModelSession.sharing(project, scoring))
                            .score(BATCH, ProgressListener.NONE, Cancellation.none());
                    ratios[pass - 1] = report.itemsPerSecond() / bare;
                    System.out.printf("pass %d: %d texts: bare loop (one text a run, 2 one-thread sessions) %.1f texts/s;"
                                    + " score (read, tokenise, infer, store) %.1f texts/s; ratio %.2f%n", pass, report.scored(),
                            bare, report.itemsPerSecond(), ratios[pass - 1]);
                }
            }
        }
    }

    /**
     * Issue 12, item 1, images: {@code score} on Fashion-MNIST images from the sample project, with its PCA image model,
     * against the fastest of two bare loops in the same run (one session with every core, batches of 32 on one thread;
     * two threads with a one-thread session each, batches of 32, sharing one index), alternating bare and score. The
     * 400 sample images are copied {@code -Dscoring.imageCopies} times (default 50), each copy shifted by up to two pixels or
     * mirrored, so that files have their own content (the few that still match are left out). Score runs with one session of every core and with one
     * one-thread session per core; {@code -Dscoring.passes} passes (default 3), and the median ratio of each.
     */
    @Test
    void scoringFashionImagesAgainstTheFastestBareLoop() throws Exception {
        Path sample = Path.of("sample-projects", "fashion").toAbsolutePath();
        int copies = Integer.getInteger("scoring.imageCopies", 50);
        Path data = dir.resolve("fashion");
        List<Path> originals;
        try (var files = Files.list(sample.resolve("data"))) {
            originals = files.filter(f -> f.toString().endsWith(".png")).sorted().toList();
        }
        List<ModelInput> images = new ArrayList<>();
        java.util.Set<String> contents = new java.util.HashSet<>();
        for (int copy = 0; copy < copies; copy++) {
            Path folder = Files.createDirectories(data.resolve("copy" + copy));
            for (Path original : originals) {
                Path target = folder.resolve(original.getFileName());
                javax.imageio.ImageIO.write(variant(javax.imageio.ImageIO.read(original.toFile()), copy), "png", target.toFile());
                if (contents.add(org.querent.common.Hashes.sha256Hex(Files.readAllBytes(target)))) {
                    images.add(ModelInput.image(target));
                } else {
                    Files.delete(target); // score embeds each content once: the bare loops get the same images
                }
            }
        }
        String reference = sample.resolve("model").resolve("model.json").toString();
        int cores = Runtime.getRuntime().availableProcessors();
        org.querent.runtime.RuntimeOptions oneThread = new org.querent.runtime.RuntimeOptions(false, 1, null);
        org.querent.runtime.RuntimeOptions allCores = new org.querent.runtime.RuntimeOptions(false, cores, null);
        org.querent.runtime.RuntimeOptions defaults = org.querent.runtime.RuntimeOptions.imageDefaults();
        System.out.printf("%d cores, %d images; image models default to %d sessions x %d threads (-Dquerent.imageSessions)%n",
                cores, images.size(), defaults.sessions(), defaults.intraOpThreads());
        List<LabelDefinition> labels = List.of(new LabelDefinition("a", "", null), new LabelDefinition("b", "", null));
        try (EmbeddingModel single = ModelLoader.open(reference, dir, allCores);
             EmbeddingModel first = ModelLoader.open(reference, dir, oneThread);
             EmbeddingModel second = ModelLoader.open(reference, dir, oneThread);
             EmbeddingModel scoreOne = ModelLoader.open(reference, dir, allCores);
             EmbeddingModel scoreLanes = ModelLoader.open(reference, dir, oneThread.withSessions(cores, 1))) {
            BareInferenceLoop.run(single, images.subList(0, 256), BATCH); // warm-up
            twoSessionLoop(first, second, images.subList(0, 256), BATCH);
            int run = 0;
            int passes = Integer.getInteger("scoring.passes", 3);
            List<Double> oneRatios = new ArrayList<>();
            List<Double> laneRatios = new ArrayList<>();
            for (int pass = 1; pass <= passes; pass++) {
                double bareOne = BareInferenceLoop.run(single, images, BATCH).itemsPerSecond();
                double bareTwo = twoSessionLoop(first, second, images, BATCH);
                double bare = Math.max(bareOne, bareTwo);
                double[] rates = new double[2];
                int i = 0;
                for (EmbeddingModel scoring : List.of(scoreOne, scoreLanes)) {
                    try (Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(
                            dir.resolve("fashion" + (run++) + ".querent"), data, reference, labels, false, null))) {
                        new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
                        ScoringService.Report report = new ScoringService(project, ModelSession.sharing(project, scoring))
                                .score(BATCH, ProgressListener.NONE, Cancellation.none());
                        if (report.scored() != images.size()) {
                            throw new AssertionError("scored " + report.scored() + " of " + images.size());
                        }
                        rates[i++] = report.itemsPerSecond();
                    }
                }
                System.out.printf("pass %d: %d images, batch %d: bare loop one %d-thread session %.0f/s, two one-thread"
                                + " sessions on two threads %.0f/s (fastest %.0f/s); score (read, decode, preprocess, infer,"
                                + " store) 1 x %d threads %.0f/s, ratio %.2f; %d x 1 thread %.0f/s, ratio %.2f; load %.2f%n",
                        pass, images.size(), BATCH, cores, bareOne, bareTwo, bare, cores, rates[0], rates[0] / bare, cores,
                        rates[1], rates[1] / bare,
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                oneRatios.add(rates[0] / bare);
                laneRatios.add(rates[1] / bare);
            }
            // A pass lasts about a second: on a shared machine one slow moment moves one ratio, not the median.
            System.out.printf("median of %d passes: 1 x %d threads ratio %.2f; %d x 1 thread ratio %.2f%n", passes, cores,
                    median(oneRatios), cores, median(laneRatios));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * Where the image pipeline's time goes, stage by stage on one thread over the same images as
     * {@link #scoringFashionImagesAgainstTheFastestBareLoop}: reading the files, decoding and preprocessing
     * ({@code prepare}, which reads too), inference, and storing the outputs the way score's writer does, in
     * transactions of {@code -Dscoring.storeRows} rows (default: 160, what the writer found queued before, and 4,096).
     * Times are the thread's CPU time (user and system), which other processes on a shared machine move less than
     * wall time; a one-thread session runs inference on the calling thread.
     */
    @Test
    void imagePipelineStageByStage() throws Exception {
        Path sample = Path.of("sample-projects", "fashion").toAbsolutePath();
        int copies = Integer.getInteger("scoring.imageCopies", 50);
        Path data = dir.resolve("fashion");
        List<Path> originals;
        try (var files = Files.list(sample.resolve("data"))) {
            originals = files.filter(f -> f.toString().endsWith(".png")).sorted().toList();
        }
        List<ModelInput> images = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        java.util.Set<String> contents = new java.util.HashSet<>();
        for (int copy = 0; copy < copies; copy++) {
            Path folder = Files.createDirectories(data.resolve("copy" + copy));
            for (Path original : originals) {
                Path target = folder.resolve(original.getFileName());
                javax.imageio.ImageIO.write(variant(javax.imageio.ImageIO.read(original.toFile()), copy), "png", target.toFile());
                if (contents.add(org.querent.common.Hashes.sha256Hex(Files.readAllBytes(target)))) {
                    images.add(ModelInput.image(target));
                    paths.add(target);
                } else {
                    Files.delete(target);
                }
            }
        }
        String reference = sample.resolve("model").resolve("model.json").toString();
        List<LabelDefinition> labels = List.of(new LabelDefinition("a", "", null), new LabelDefinition("b", "", null));
        List<Integer> storeRows = new ArrayList<>();
        for (String s : System.getProperty("scoring.storeRows", "160,4096").split(",")) {
            storeRows.add(Integer.valueOf(s.trim()));
        }
        try (EmbeddingModel model = ModelLoader.open(reference, dir,
                new org.querent.runtime.RuntimeOptions(false, 1, null))) {
            BareInferenceLoop.run(model, images.subList(0, 512), BATCH); // warm-up
            for (int pass = 1; pass <= 2; pass++) {
                var threads = java.lang.management.ManagementFactory.getThreadMXBean();
                long c0 = threads.getCurrentThreadCpuTime();
                long bytes = 0;
                for (Path p : paths) {
                    bytes += Files.readAllBytes(p).length;
                }
                long readNanos = threads.getCurrentThreadCpuTime() - c0;
                long prepareNanos = 0;
                long runNanos = 0;
                List<float[]> vectors = new ArrayList<>();
                for (int from = 0; from < images.size(); from += BATCH) {
                    long a = threads.getCurrentThreadCpuTime();
                    var prepared = model.prepare(images.subList(from, Math.min(images.size(), from + BATCH)));
                    long b = threads.getCurrentThreadCpuTime();
                    var out = model.run(prepared);
                    runNanos += threads.getCurrentThreadCpuTime() - b;
                    prepareNanos += b - a;
                    vectors.addAll(List.of(out.embeddings()));
                }
                StringBuilder stores = new StringBuilder();
                for (int rows : storeRows) {
                    try (Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(
                            dir.resolve("stages" + pass + "-" + rows + ".querent"), data, reference, labels, false, null))) {
                        new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
                        ModelSession session = ModelSession.sharing(project, model);
                        List<org.querent.store.ItemRecord> todo = new ScoringService(project, session).pending(session.hash());
                        java.util.Map<Path, float[]> byPath = new java.util.HashMap<>();
                        for (int i = 0; i < paths.size(); i++) {
                            byPath.put(paths.get(i), vectors.get(i));
                        }
                        long s0 = threads.getCurrentThreadCpuTime();
                        for (int from = 0; from < todo.size(); from += rows) {
                            List<Embedding> chunk = new ArrayList<>();
                            for (var item : todo.subList(from, Math.min(todo.size(), from + rows))) {
                                chunk.add(new Embedding(item.contentHash(), byPath.get(project.dataRoot().resolve(item.path())), null));
                            }
                            project.embeddings().saveAll(session.hash(), chunk);
                        }
                        long storeNanos = threads.getCurrentThreadCpuTime() - s0;
                        stores.append(String.format(", store %d rows a transaction %.1f us/row", rows,
                                storeNanos / 1e3 / todo.size()));
                    }
                }
                int n = images.size();
                System.out.printf("stages pass %d, %d images (%d KB), CPU time: read files %.1f us/image; prepare (read, decode,"
                                + " preprocess) %.1f us/image; run %.1f us/image%s; load %.2f%n", pass, n, bytes / 1024,
                        readNanos / 1e3 / n, prepareNanos / 1e3 / n, runNanos / 1e3 / n, stores,
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }

    /** The image shifted by up to two pixels each way (wrapping round); copies 25 to 49 mirrored. */
    private static java.awt.image.BufferedImage variant(java.awt.image.BufferedImage image, int copy) {
        int w = image.getWidth();
        int h = image.getHeight();
        int dx = Math.floorMod(copy % 25 % 5 + 2, 5) - 2; // 0, 1, 2, -2, -1: copy 0 is the image itself
        int dy = Math.floorMod(copy % 25 / 5 + 2, 5) - 2;
        boolean mirror = (copy / 25) % 2 == 1;
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, image.getType() == 0
                ? java.awt.image.BufferedImage.TYPE_BYTE_GRAY : image.getType());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sx = Math.floorMod((mirror ? w - 1 - x : x) + dx, w);
                int sy = Math.floorMod(y + dy, h);
                out.setRGB(x, y, image.getRGB(sx, sy));
            }
        }
        return out;
    }

    /** Two threads, each with its own session, {@code batch} items per run, taking the next batch from a shared index. */
    private static double twoSessionLoop(EmbeddingModel a, EmbeddingModel b, List<ModelInput> inputs, int batch)
            throws Exception {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (EmbeddingModel model : List.of(a, b)) {
            Thread t = new Thread(null, () -> {
                try {
                    for (int i = next.getAndAdd(batch); i < inputs.size(); i = next.getAndAdd(batch)) {
                        model.run(model.prepare(inputs.subList(i, Math.min(inputs.size(), i + batch))));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "bare-lane", 64L << 20);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.get(0));
        }
        return inputs.size() * 1e9 / (System.nanoTime() - start);
    }

    /** Two threads, each with its own one-thread session, one text per run, taking the next text from a shared index. */
    private static double twoSessionLoop(EmbeddingModel a, EmbeddingModel b, List<ModelInput> texts) throws Exception {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (EmbeddingModel model : List.of(a, b)) {
            Thread t = new Thread(null, () -> {
                try {
                    for (int i = next.getAndIncrement(); i < texts.size(); i = next.getAndIncrement()) {
                        model.run(model.prepare(List.of(texts.get(i))));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "bare-lane", 64L << 20);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.get(0));
        }
        return texts.size() * 1e9 / (System.nanoTime() - start);
    }

    /** Re-ranking 100,000 cached embeddings after a retrain: no model run, just head + strategy. */
    @Test
    void rerankingAHundredThousandCachedEmbeddings() {
        int n = 100_000;
        int dim = 384;
        int classes = 6;
        Random random = new Random(1);
        float[][] centres = unitRows(random, classes, dim, null, 0);
        float[][] pool = unitRows(random, n, dim, centres, 1.5f);
        int[] y = new int[5_000];
        float[][] x = new float[y.length][];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % classes;
            x[i] = unitRows(random, 1, dim, new float[][] {centres[y[i]]}, 1.5f)[0];
        }
        HeadTrainer trainer = new HeadTrainer();
        Head head = trainer.train(TrainingData.singleLabel(x, y, classes), null, TrainSettings.defaults()).head();
        for (int pass = 1; pass <= 3; pass++) {
            long t0 = System.nanoTime();
            double checksum = 0;
            for (float[] row : pool) { // bare baseline: one dot product per class and row, nothing else
                for (float[] w : head.weights()) {
                    double dot = 0;
                    for (int k = 0; k < dim; k++) {
                        dot += row[k] * w[k];
                    }
                    checksum += Math.abs(dot);
                }
            }
            long t1 = System.nanoTime();
            double[][] p = head.predict(pool);
            var picks = Strategies.byName("margin").select(new QueryContext(p, pool, false, pass), 20);
            long t2 = System.nanoTime();
            System.out.printf("pass %d: re-rank %,d x %d embeddings (predict + margin top 20): %.0f ms; bare dot-product loop"
                            + " %.0f ms; ratio %.2f (picks %d, checksum %.1f)%n", pass, n, dim, (t2 - t1) / 1e6,
                    (t1 - t0) / 1e6, (t2 - t1) / (double) (t1 - t0), picks.size(), checksum);
        }
    }

    /** Loading 100,000 cached embeddings from the project file (done once per session, not per re-rank). */
    @Test
    void loadingAHundredThousandEmbeddingsFromTheProjectFile() {
        int n = 100_000;
        Random random = new Random(2);
        List<LabelDefinition> labels = List.of(new LabelDefinition("a", "", null), new LabelDefinition("b", "", null));
        Path data = dir.resolve("empty");
        try {
            Files.createDirectories(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (Project project = new ProjectService(Clock.systemUTC()).create(
                new NewProject(dir.resolve("big.querent"), data, "builtin:minilm", labels, false, null))) {
            project.embeddings().registerModel("m", "synthetic", "synthetic", "text", 384, List.of());
            for (int start = 0; start < n; start += 10_000) {
                List<NewItem> items = new ArrayList<>();
                List<Embedding> vectors = new ArrayList<>();
                for (int i = start; i < start + 10_000; i++) {
                    items.add(new NewItem("t" + i + ".txt", "t" + i + ".txt", -1, ItemKind.TEXT, "", 10, 10, 0, "h" + i,
                            "text " + i, null, null));
                    vectors.add(new Embedding("h" + i, unitRows(random, 1, 384, null, 0)[0], null));
                }
                project.items().upsert(items);
                project.embeddings().saveAll("m", vectors);
            }
            for (int pass = 1; pass <= 2; pass++) {
                long t0 = System.nanoTime();
                Pool pool = Pool.load(project, "m");
                System.out.printf("pass %d: load %,d items and embeddings from SQLite: %.0f ms%n", pass, pool.size(),
                        (System.nanoTime() - t0) / 1e6);
            }
        }
    }

    /** Training the head on 5,000 labels, cold and warm-started from a head trained on 4,500. */
    @Test
    void trainingOnFiveThousandLabels() {
        Random random = new Random(3);
        int classes = 6;
        float[][] centres = unitRows(random, classes, 384, null, 0);
        int n = 5_000;
        float[][] x = new float[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(classes);
            x[i] = unitRows(random, 1, 384, new float[][] {centres[y[i]]}, 12f)[0]; // overlapping classes, ~0.9 accuracy
        }
        HeadTrainer trainer = new HeadTrainer();
        TrainingData all = TrainingData.singleLabel(x, y, classes);
        TrainingData most = TrainingData.singleLabel(java.util.Arrays.copyOf(x, 4_500), java.util.Arrays.copyOf(y, 4_500), classes);
        for (int pass = 1; pass <= 2; pass++) {
            TrainResult cold = trainer.train(all, null, TrainSettings.defaults());
            Head previous = trainer.train(most, null, TrainSettings.defaults()).head();
            TrainResult warm = trainer.train(all, previous, TrainSettings.defaults());
            double accuracy = org.querent.learn.Evaluation.of(cold.head(), all).accuracy();
            System.out.printf("pass %d: train 5,000 x 384 x 6 (training accuracy %.2f): cold %d ms (%d iterations), "
                    + "warm %d ms (%d iterations)%n", pass, accuracy, cold.millis(), cold.iterations(), warm.millis(),
                    warm.iterations());
        }
    }

    /** Unit vectors: around a random centre (noise scale) or uniformly random when centres is null. */
    private static float[][] unitRows(Random random, int n, int dim, float[][] centres, float noise) {
        float[][] out = new float[n][dim];
        for (int i = 0; i < n; i++) {
            float[] c = centres == null ? null : centres[random.nextInt(centres.length)];
            double norm = 0;
            for (int k = 0; k < dim; k++) {
                out[i][k] = (c == null ? 0 : c[k] * (float) Math.sqrt(dim)) + (float) random.nextGaussian() * (c == null ? 1 : noise);
                norm += out[i][k] * out[i][k];
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int k = 0; k < dim; k++) {
                out[i][k] *= inv;
            }
        }
        return out;
    }
}
