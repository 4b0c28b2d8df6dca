package org.querent.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.learn.Head;
import org.querent.learn.HeadTrainer;
import org.querent.learn.TrainSettings;
import org.querent.learn.TrainingData;
import org.querent.query.QueryContext;
import org.querent.query.Strategies;
import org.querent.runtime.EmbeddingModel;
import org.querent.runtime.ModelInput;
import org.querent.runtime.ModelLoader;

/**
 * What an embedding costs in the project file, old layout against new, and what float16 does to real vectors:
 * <pre>mvn -o test -Pbenchmark -Dtest=StorageBenchmark</pre>
 */
@Tag("benchmark")
class StorageBenchmark {
    private static final Path MAILING_LISTS = Path.of("../shared/datasets/mailing-lists");
    private static final int DIM = 384;

    @TempDir
    Path dir;

    /** 100,000 vectors of 384 floats: bytes in the file per vector, against the raw float32 size (1,536 bytes). */
    @Test
    void bytesPerStoredVector() throws Exception {
        int n = 100_000;
        Path old = dir.resolve("schema3.querent");
        Path now = dir.resolve("compact.querent");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement st = c.createStatement()) {
            for (String script : List.of("V1__project.sql", "V2__teams.sql", "V3__work_packages.sql")) {
                try (var in = Migrations.class.getResourceAsStream("migrations/" + script)) {
                    for (String sql : Migrations.statements(new String(in.readAllBytes()))) {
                        st.execute(sql);
                    }
                }
            }
            st.execute("PRAGMA user_version = 3");
            st.execute("INSERT INTO model(hash, name, reference, input, dimension, class_labels, added_at) VALUES ('"
                    + "f".repeat(64) + "', 'm', 'r', 'text', 384, '[]', 'now')");
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO embedding VALUES (?, ?, ?, NULL)")) {
                Random random = new Random(1);
                for (int i = 0; i < n; i++) {
                    ps.setString(1, hash(i));
                    ps.setString(2, "f".repeat(64));
                    ps.setBytes(3, Vectors.toBytes(unit(random)));
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                    }
                }
            }
            c.commit();
            System.out.printf("schema 3 (WITHOUT ROWID, float32): wrote %,d vectors in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        }
        long oldBytes = embeddingBytes(old);
        long oldFile = Files.size(old);
        long t1 = System.nanoTime();
        try (Database db = Database.open(old, false)) {
            System.out.printf("migrating it to the compact layout: %.1f s%n", (System.nanoTime() - t1) / 1e9);
        }
        long migratedBytes = embeddingBytes(old);
        long migratedFile = Files.size(old);
        try (Database db = Database.open(now, true)) {
            EmbeddingRepository repo = new EmbeddingRepository(db, Clock.systemUTC());
            repo.registerModel("f".repeat(64), "m", "r", "text", DIM, List.of());
            Random random = new Random(1);
            long t0 = System.nanoTime();
            for (int start = 0; start < n; start += 1000) {
                List<EmbeddingRepository.Embedding> batch = new ArrayList<>();
                for (int i = start; i < start + 1000; i++) {
                    batch.add(new EmbeddingRepository.Embedding(hash(i), unit(random), null));
                }
                repo.saveAll("f".repeat(64), batch);
            }
            System.out.printf("compact (rowid table, float16): wrote %,d vectors in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        }
        long newBytes = embeddingBytes(now);
        double raw = n * (double) DIM * Float.BYTES;
        System.out.printf("raw float32 vectors: %,.0f bytes (%,d a vector)%n", raw, DIM * Float.BYTES);
        System.out.printf("schema 3:  embedding table + key %,d bytes = %,.0f a vector, %.2fx raw (file %,d)%n", oldBytes,
                oldBytes / (double) n, oldBytes / raw, oldFile);
        System.out.printf("migrated:  embedding table + key %,d bytes = %,.0f a vector, %.2fx raw (file %,d, after its one VACUUM"
                + ")%n", migratedBytes, migratedBytes / (double) n, migratedBytes / raw, migratedFile);
        System.out.printf("new file:  embedding table + key %,d bytes = %,.0f a vector, %.2fx raw (file %,d, %.2fx raw)%n",
                newBytes, newBytes / (double) n, newBytes / raw, Files.size(now), Files.size(now) / raw);
    }

    /** float16 on real MiniLM vectors of the mailing lists: cosines and margin rankings against float32. */
    @Test
    void float16AccuracyOnRealEmbeddings() throws Exception {
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Path> lists;
        try (var s = Files.list(MAILING_LISTS)) {
            lists = s.filter(Files::isDirectory).sorted().toList();
        }
        for (int l = 0; l < lists.size(); l++) {
            try (var s = Files.list(lists.get(l))) {
                for (Path f : s.sorted().limit(100).toList()) {
                    files.add(f);
                    labels.add(l);
                }
            }
        }
        float[][] x32 = new float[files.size()][];
        try (EmbeddingModel model = ModelLoader.open("builtin:minilm", dir)) {
            for (int i = 0; i < files.size(); i++) {
                x32[i] = model.run(model.prepare(List.of(ModelInput.text(Files.readString(files.get(i)))))).embeddings()[0];
            }
        }
        float[][] x16 = new float[x32.length][];
        double maxValue = 0;
        for (int i = 0; i < x32.length; i++) {
            x16[i] = Vectors.fromHalfBytes(Vectors.toHalfBytes(x32[i]));
            for (int d = 0; d < DIM; d++) {
                maxValue = Math.max(maxValue, Math.abs(x16[i][d] - x32[i][d]));
            }
        }
        double maxCos = 0;
        for (int i = 0; i < x32.length; i++) {
            for (int j = i + 1; j < x32.length; j++) {
                maxCos = Math.max(maxCos, Math.abs(cos(x32[i], x32[j]) - cos(x16[i], x16[j])));
            }
        }
        // A head trained on every other item (float32, as before), then margins over the pool both ways.
        int half = x32.length / 2;
        float[][] tx = new float[half][];
        int[] ty = new int[half];
        for (int i = 0; i < half; i++) {
            tx[i] = x32[2 * i];
            ty[i] = labels.get(2 * i);
        }
        Head head = new HeadTrainer().train(TrainingData.singleLabel(tx, ty, lists.size()), null, TrainSettings.defaults()).head();
        double[][] p32 = head.predict(x32);
        double[][] p16 = head.predict(x16);
        double maxProb = 0;
        for (int i = 0; i < p32.length; i++) {
            for (int c = 0; c < p32[i].length; c++) {
                maxProb = Math.max(maxProb, Math.abs(p32[i][c] - p16[i][c]));
            }
        }
        int[] order32 = marginOrder(p32);
        int[] order16 = marginOrder(p16);
        int moved = 0;
        for (int i = 0; i < order32.length; i++) {
            moved += order32[i] != order16[i] ? 1 : 0;
        }
        var picks32 = Strategies.byName("margin").select(new QueryContext(p32, x32, false, 1), 30);
        var picks16 = Strategies.byName("margin").select(new QueryContext(p16, x16, false, 1), 30);
        System.out.printf("%d real MiniLM vectors (%d lists x 100): max |value change| %.2e, max |cos change| over %,d pairs"
                        + " %.2e, max |probability change| %.2e%n", x32.length, lists.size(), maxValue,
                (long) x32.length * (x32.length - 1) / 2, maxCos, maxProb);
        System.out.printf("margin ranking of the pool: %d of %d positions differ; margin top 30 float32 %s%n"
                + "                                                    float16 %s (same: %b)%n", moved, order32.length,
                Arrays.toString(picks32.indices()), Arrays.toString(picks16.indices()),
                Arrays.equals(picks32.indices(), picks16.indices()));
    }

    private static int[] marginOrder(double[][] p) {
        double[] margin = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double[] s = p[i].clone();
            Arrays.sort(s);
            margin[i] = s[s.length - 1] - s[s.length - 2];
        }
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(margin[a], margin[b]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    private static double cos(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int d = 0; d < a.length; d++) {
            dot += a[d] * (double) b[d];
            na += a[d] * (double) a[d];
            nb += b[d] * (double) b[d];
        }
        return dot / Math.sqrt(na * nb);
    }

    /** Bytes of the embedding table and its key, counted page by page (dbstat). */
    private static long embeddingBytes(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sum(pgsize) FROM dbstat WHERE name IN ('embedding', 'embedding_key')")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static String hash(int i) {
        return String.format("%064x", i * 2654435761L);
    }

    private static float[] unit(Random random) {
        float[] v = new float[DIM];
        double norm = 0;
        for (int d = 0; d < DIM; d++) {
            v[d] = (float) random.nextGaussian();
            norm += v[d] * v[d];
        }
        for (int d = 0; d < DIM; d++) {
            v[d] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
