package org.querent.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;
import org.querent.ingest.DatasetScanner;
import org.querent.ingest.ScanOptions;
import org.querent.ingest.ScannedItem;
import org.querent.runtime.ModelLoader;
import org.querent.runtime.ModelManifest;

/**
 * Candidate mode: for a pool too large for a laptop, writes the N items the project's promoted head (exported by
 * {@code querent export-model}) is least sure of, spread out by greedy k-center, as a small dataset the laptop opens:
 * <pre>
 * OUTPUT/items/          the candidates as a Querent dataset folder: whole files copied under their own key,
 *                        table rows as candidate-rows.jsonl (field "text")
 * OUTPUT/embeddings/     Parquet (EmbeddingSchema) with the project's model, keyed as importing items/ keys them
 * OUTPUT/candidates.tsv  rank, key on the laptop, key in the source, margin under the head
 * </pre>
 * Each partition keeps its {@code poolPerPartition} smallest margins and k-centers them down to N; the driver
 * k-centers the union down to N. Margins and distances come from the exported graph (one run per item); only the N
 * picks are embedded again with the project's model, so their vectors are exactly what {@code score} would store.
 */
public final class CandidateJob {
    static final String ROWS_FILE = "candidate-rows.jsonl";

    private CandidateJob() {
    }

    public static EmbedJob.Summary run(SparkSession spark, JobSettings settings) {
        Path output = Path.of(settings.output()).toAbsolutePath();
        if (Files.exists(output)) {
            throw QuerentException.usage("the output folder " + output + " exists already: name a new one");
        }
        Path base = Path.of("").toAbsolutePath();
        String modelHash = ModelLoader.resolveHash(settings.model(), base);
        ModelLoader.ResolvedModel head = ModelLoader.resolve(settings.head(), base);
        ModelManifest.ClassesSpec classes = head.manifest().classes();
        if (classes == null || classes.labels().isEmpty()) {
            throw QuerentException.usage("--head " + settings.head() + " has no classes in its model.json: give the"
                    + " folder 'querent export-model PROJECT --out DIR' wrote (model.onnx + model.json with classes)");
        }
        boolean multiLabel = classes.activation() == ModelManifest.Activation.SIGMOID;
        String headHash = ModelLoader.resolveHash(settings.head(), base);
        LongAccumulator skipped = spark.sparkContext().longAccumulator("skipped");
        int threads = EmbedJob.threads(spark, settings);
        int n = settings.candidates();
        int pool = Math.max(settings.poolPerPartition(), n);

        PartitionEmbedder byHead = new PartitionEmbedder(settings.head(), headHash, threads, skipped);
        JavaRDD<SourceItem> items = EmbedJob.items(spark, settings, skipped);
        List<CandidateSelection.Scored<SourceItem>> perPartition = items.mapPartitions(partition -> {
            Iterator<PartitionEmbedder.Embedded> embedded = byHead.embed(partition);
            Iterator<CandidateSelection.Scored<SourceItem>> scored = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return embedded.hasNext();
                }

                @Override
                public CandidateSelection.Scored<SourceItem> next() {
                    PartitionEmbedder.Embedded one = embedded.next();
                    if (one.scores() == null) {
                        throw QuerentException.usage("the head model gave no class scores: re-export it with"
                                + " 'querent export-model'");
                    }
                    return new CandidateSelection.Scored<>(one.item(), one.item().key(),
                            CandidateSelection.margin(one.scores(), multiLabel), one.vector());
                }
            };
            return CandidateSelection.diverse(CandidateSelection.mostUncertain(scored, pool), n).iterator();
        }).collect();
        List<CandidateSelection.Scored<SourceItem>> chosen = CandidateSelection.diverse(perPartition, n);
        if (chosen.isEmpty()) {
            throw QuerentException.usage("no item of " + settings.input() + " could be read by the head model");
        }

        // The picks, embedded with the project's own model (the vectors score would store).
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<SourceItem> picks = chosen.stream().map(CandidateSelection.Scored::item).toList();
        PartitionEmbedder byModel = new PartitionEmbedder(settings.model(), modelHash, threads, skipped);
        Map<String, float[]> vectors = new HashMap<>();
        context.parallelize(picks, Math.max(1, Math.min(picks.size(), context.defaultParallelism())))
                .mapPartitions(partition -> {
                    List<Map.Entry<String, float[]>> out = new ArrayList<>();
                    byModel.embed(partition).forEachRemaining(e -> out.add(new java.util.AbstractMap.SimpleEntry<>(e.item().key(), e.vector())));
                    return out.iterator();
                }).collect().forEach(e -> vectors.put(e.getKey(), e.getValue()));

        Map<String, ScannedItem> laptop = writeItems(output.resolve("items"), chosen);
        List<Row> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder("rank\tkey\tsource_key\tmargin\n");
        int rank = 0;
        for (CandidateSelection.Scored<SourceItem> pick : chosen) {
            ScannedItem there = laptop.get(pick.key());
            float[] vector = vectors.get(pick.key());
            if (there == null || vector == null) {
                skipped.add(1);
                continue;
            }
            rows.add(RowFactory.create(there.key(), there.contentHash(), modelHash, vector.length,
                    EmbeddingSchema.toBytes(vector)));
            table.append(++rank).append('\t').append(there.key()).append('\t').append(pick.key()).append('\t')
                    .append(String.format(java.util.Locale.ROOT, "%.6f", pick.margin())).append('\n');
        }
        spark.createDataFrame(rows, EmbeddingSchema.SCHEMA).coalesce(1).write()
                .parquet(output.resolve("embeddings").toString());
        try {
            Files.writeString(output.resolve("candidates.tsv"), table);
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.STORAGE, "cannot write " + output.resolve("candidates.tsv") + ": "
                    + e.getMessage(), e);
        }
        return new EmbedJob.Summary(modelHash, rows.size(), skipped.value(), output.toString());
    }

    /**
     * Writes the picks as a dataset folder and scans it with the app's scanner, so the keys and hashes in the
     * Parquet are exactly the ones the laptop's import will form. Returns the laptop item of each source key.
     */
    static Map<String, ScannedItem> writeItems(Path folder, List<CandidateSelection.Scored<SourceItem>> chosen) {
        Map<String, String> laptopKey = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        try {
            Files.createDirectories(folder);
            int row = 0;
            try (BufferedWriter rows = Files.newBufferedWriter(folder.resolve(ROWS_FILE), StandardCharsets.UTF_8)) {
                for (CandidateSelection.Scored<SourceItem> pick : chosen) {
                    SourceItem item = pick.item();
                    if (item.path() == null) {
                        Map<String, String> line = new LinkedHashMap<>();
                        line.put("text", item.text());
                        line.put("source_key", item.key());
                        rows.write(json.writeValueAsString(line));
                        rows.write('\n');
                        laptopKey.put(item.key(), ROWS_FILE + "#" + row++);
                    } else {
                        String key = fileKey(item);
                        Path target = folder.resolve(key);
                        Files.createDirectories(target.getParent());
                        Files.copy(Path.of(item.path()), target);
                        laptopKey.put(item.key(), key);
                    }
                }
            }
            if (row == 0) {
                Files.delete(folder.resolve(ROWS_FILE));
            }
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.STORAGE, "cannot write the candidates to " + folder + ": "
                    + e.getMessage() + ". Check the space and permissions there.", e);
        }
        Map<String, ScannedItem> scanned = new HashMap<>();
        new DatasetScanner().scan(folder, ScanOptions.defaults(), item -> scanned.put(item.key(), item));
        Map<String, ScannedItem> bySource = new HashMap<>();
        for (CandidateSelection.Scored<SourceItem> pick : chosen) {
            ScannedItem there = scanned.get(laptopKey.get(pick.key()));
            if (there != null && !there.quarantined()) {
                if (!there.contentHash().equals(pick.item().contentHash())) {
                    throw new QuerentException(ErrorKind.INTERNAL, "candidate " + pick.key() + " was copied as "
                            + there.key() + " but its content hash changed");
                }
                bySource.put(pick.key(), there);
            }
        }
        return bySource;
    }

    /** A copied file keeps its key when that is a plain relative path; otherwise it goes under files/. */
    private static String fileKey(SourceItem item) {
        String key = item.key();
        boolean plain = !key.startsWith("/") && !key.contains("\\") && !key.contains("#")
                && java.util.Arrays.stream(key.split("/")).noneMatch(p -> p.isEmpty() || p.equals("..") || p.startsWith("."))
                && !key.equals(ROWS_FILE);
        return plain ? key : "files/" + item.contentHash().substring(0, 16) + "-" + Path.of(item.path()).getFileName();
    }
}
