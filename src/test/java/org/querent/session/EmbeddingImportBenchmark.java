package org.querent.session;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.Cancellation;
import org.querent.common.Hashes;
import org.querent.common.ItemKind;
import org.querent.common.ProgressListener;
import org.querent.interop.EmbeddingParquet;
import org.querent.interop.parquet.ParquetTestWriter;
import org.querent.interop.parquet.ParquetTestWriter.Column;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.runtime.EmbeddingModel;
import org.querent.runtime.ModelLoader;
import org.querent.store.LabelDefinition;
import org.querent.store.NewItem;

/**
 * import-embeddings on 1,000,000 rows of 384-d vectors (issue 12, item 4): the import rate against a bare read
 * of the same Parquet file in the same run (every row decoded, nothing stored), and a second import that must
 * add nothing. The file is laid out as Spark writes by default (SNAPPY, pages v1, dictionary then PLAIN).
 * <pre>mvn -o test -Pbenchmark -Dtest=EmbeddingImportBenchmark [-Dimport.rows=N]</pre>
 */
@Tag("benchmark")
class EmbeddingImportBenchmark {
    private static final int N = Integer.getInteger("import.rows", 1_000_000);
    private static final int DIM = 384;
    private static final int PASSES = 3;

    @TempDir
    Path dir;

    @Test
    void importAMillionRows() throws Exception {
        Path template = dir.resolve("template.querent");
        String hash;
        long t0 = System.nanoTime();
        try (Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(template,
                Files.createDirectories(dir.resolve("data")), "builtin:minilm",
                List.of(new LabelDefinition("a", "", null), new LabelDefinition("b", "", null)), false, null));
             EmbeddingModel model = ModelLoader.open("builtin:minilm", dir)) {
            hash = ModelSession.sharing(project, model).hash();
            List<NewItem> items = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                String body = "message " + i;
                items.add(new NewItem("t" + i, "folder/t" + i + ".txt", -1, ItemKind.TEXT, "list", body.length(),
                        body.length(), 0, contentHash(i), body, null, null));
                if (items.size() == 20_000 || i == N - 1) {
                    project.items().upsert(items);
                    items.clear();
                }
            }
            project.database().checkpoint();
        }
        Path parquet = dir.resolve("part-00000.parquet");
        Random random = new Random(4);
        List<Column> schema = List.of(Column.string("item_key"), Column.string("content_hash"),
                Column.string("model_hash"), Column.int32("dim"), Column.bytes("vector"));
        // About 650 vectors make Spark's 1 MB page and 80,000 its 128 MB row group.
        try (ParquetTestWriter w = new ParquetTestWriter(parquet, schema, new ParquetTestWriter.Layout(1, true, true, 650),
                80_000)) {
            ByteBuffer b = ByteBuffer.allocate(4 * DIM).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < N; i++) {
                b.clear();
                for (int d = 0; d < DIM; d++) {
                    b.putFloat((float) (random.nextGaussian() / Math.sqrt(DIM)));
                }
                w.row("folder/t" + i + ".txt", contentHash(i), hash, DIM, b.array().clone());
            }
        }
        System.out.printf("built a %,d-item project (%,d bytes) and a %,d-row Parquet file (%,d bytes) in %.0f s%n", N,
                Files.size(template), N, Files.size(parquet), (System.nanoTime() - t0) / 1e9);

        for (int pass = 1; pass <= PASSES; pass++) {
            long bare = bareRead(parquet);
            long insert = bareInsert(template, dir.resolve("bare.querent"), hash);
            Path project = dir.resolve("p" + pass + ".querent");
            Files.copy(template, project, StandardCopyOption.REPLACE_EXISTING);
            long size = Files.size(project);
            long start = System.nanoTime();
            EmbeddingImportService.Report r;
            try (Project p = new ProjectService(Clock.systemUTC()).open(project); ModelSession models = new ModelSession(p)) {
                r = new EmbeddingImportService(p, models).importFiles(List.of(parquet), ProgressListener.NONE,
                        Cancellation.none());
            }
            long imported = (System.nanoTime() - start) / 1_000_000;
            if (r.stored() != N) {
                throw new AssertionError("stored " + r.stored() + " of " + N);
            }
            System.out.printf("pass %d: bare read %d ms (%,.0f rows/s); bare JDBC insert %d ms (%,.0f rows/s); import"
                            + " %d ms (%,.0f rows/s; %d ms of it in the service, the rest opening and closing the"
                            + " project); ratio to the read %.2f, to the insert %.2f; project grew %,d bytes"
                            + " (%.0f a vector); load %s%n", pass, bare, N * 1000.0 / bare, insert,
                    N * 1000.0 / insert, imported, N * 1000.0 / imported, r.millis(), (double) bare / imported,
                    (double) insert / imported, Files.size(project) - size,
                    (Files.size(project) - size) / (double) N, load());
            if (pass == 1) {
                long again = System.nanoTime();
                try (Project p = new ProjectService(Clock.systemUTC()).open(project); ModelSession models = new ModelSession(p)) {
                    r = new EmbeddingImportService(p, models).importFiles(List.of(parquet), ProgressListener.NONE,
                            Cancellation.none());
                }
                System.out.printf("pass %d: second import of the same file %d ms: %d stored, %d already there%n", pass,
                        (System.nanoTime() - again) / 1_000_000, r.stored(), r.alreadyStored());
            }
            Files.delete(project);
        }
    }

    /** The baseline: every row decoded as the import decodes it (strings, model hash, vector), nothing stored. */
    private static long bareRead(Path parquet) {
        long start = System.nanoTime();
        long[] sink = new long[1];
        try (EmbeddingParquet file = EmbeddingParquet.open(parquet)) {
            file.forEach(row -> {
                sink[0] += row.contentHash().length() + row.itemKeyBytes().length + row.modelHashBytes().length
                        + row.dim() + row.vector()[7];
            }, Cancellation.none());
        }
        if (sink[0] == 0) {
            throw new AssertionError("nothing read");
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * The storage floor: the same rows' keys and float16 BLOBs (1,000 distinct vectors, made beforehand) inserted
     * by plain JDBC into a copy of the project, one transaction, batches of 1,000, the import's cache size; no
     * Parquet, no checks, no item lookup.
     */
    private static long bareInsert(Path template, Path copy, String modelHash) throws Exception {
        Files.copy(template, copy, StandardCopyOption.REPLACE_EXISTING);
        Random random = new Random(9);
        byte[][] vectors = new byte[1000][];
        for (int v = 0; v < vectors.length; v++) {
            float[] f = new float[DIM];
            for (int d = 0; d < DIM; d++) {
                f[d] = (float) random.nextGaussian();
            }
            vectors[v] = org.querent.store.Vectors.toHalfBytes(f);
        }
        String[] hashes = new String[N];
        for (int i = 0; i < N; i++) {
            hashes[i] = contentHash(i);
        }
        long start = System.nanoTime();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + copy)) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=NORMAL");
                st.execute("PRAGMA cache_size=-262144");
            }
            c.setAutoCommit(false);
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO embedding(content_hash, model_id, vector) "
                            + "VALUES (?, (SELECT id FROM model WHERE hash = ?), ?)")) {
                for (int i = 0; i < N; i++) {
                    ps.setString(1, hashes[i]);
                    ps.setString(2, modelHash);
                    ps.setBytes(3, vectors[i % vectors.length]);
                    ps.addBatch();
                    if (i % 1000 == 999 || i == N - 1) {
                        ps.executeBatch();
                    }
                }
            }
            c.commit();
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Files.delete(copy);
        return millis;
    }

    private static String contentHash(int i) {
        return Hashes.sha256Hex(("item " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
