package org.querent.spark;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.util.LongAccumulator;
import org.querent.common.ItemKind;
import org.querent.common.QuerentException;
import org.querent.ingest.ScanOptions;
import org.querent.runtime.ModelLoader;
import org.querent.runtime.ModelManifest;

/**
 * Embeds a dataset on Spark with the project's model and writes Parquet in {@link EmbeddingSchema}'s layout, for
 * {@code querent import-embeddings PROJECT PARQUET...}. With {@code --head} it writes a candidate sample instead
 * ({@link CandidateJob}). Run with spark-submit (README, "When one laptop is not enough: Spark").
 */
public final class EmbedJob {
    /** What a run did, for the driver's last lines and for tests. */
    public record Summary(String modelHash, long embedded, long skipped, String output) {
    }

    private EmbedJob() {
    }

    public static void main(String[] args) {
        JobSettings settings;
        try {
            settings = JobSettings.parse(args);
        } catch (QuerentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("querent-embed").getOrCreate();
        try {
            Summary summary = settings.candidateMode() ? CandidateJob.run(spark, settings) : run(spark, settings);
            System.out.println("wrote " + summary.embedded() + " embeddings (model " + summary.modelHash() + ") to "
                    + summary.output() + (summary.skipped() > 0 ? "; skipped " + summary.skipped()
                    + " items that could not be read or that the model does not read" : ""));
        } catch (QuerentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        } finally {
            spark.stop();
        }
    }

    /** Embeds every item of the input and writes the Parquet folder {@code settings.output()}. */
    public static Summary run(SparkSession spark, JobSettings settings) {
        String modelHash = ModelLoader.resolveHash(settings.model(), Path.of("").toAbsolutePath());
        LongAccumulator skipped = spark.sparkContext().longAccumulator("skipped");
        LongAccumulator embedded = spark.sparkContext().longAccumulator("embedded");
        PartitionEmbedder embedder = new PartitionEmbedder(settings.model(), modelHash, threads(spark, settings), skipped);
        JavaRDD<SourceItem> items = items(spark, settings, skipped);
        JavaRDD<Row> rows = items.mapPartitions(partition -> rows(embedder.embed(partition), modelHash, embedded));
        spark.createDataFrame(rows, EmbeddingSchema.SCHEMA).write().parquet(settings.output());
        return new Summary(modelHash, embedded.value(), skipped.value(), settings.output());
    }

    /** The input as items, read the app's way; tasks do the reading. */
    static JavaRDD<SourceItem> items(SparkSession spark, JobSettings settings, LongAccumulator skipped) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = settings.partitions() > 0 ? settings.partitions() : context.defaultParallelism();
        if (settings.format() == JobSettings.Format.FOLDER) {
            Path root = Path.of(settings.input()).toAbsolutePath();
            List<String> files = FolderItems.list(root);
            if (files.isEmpty()) {
                throw QuerentException.usage("the dataset folder " + root + " has no files");
            }
            String rootText = root.toString();
            return context.parallelize(files, Math.min(partitions, files.size()))
                    .mapPartitions(paths -> FolderItems.items(Path.of(rootText), scanOptions(settings), paths, skipped));
        }
        Dataset<Row> table = read(spark, settings);
        String valueColumn = settings.textColumn() != null ? settings.textColumn() : settings.pathColumn();
        for (String column : new String[] {valueColumn, settings.keyColumn()}) {
            if (column != null && !List.of(table.columns()).contains(column)) {
                throw QuerentException.usage(settings.input() + " has no column '" + column + "'; it has "
                        + String.join(", ", table.columns()));
            }
        }
        Column key = settings.keyColumn() == null ? functions.lit(null).cast("string")
                : functions.col(settings.keyColumn()).cast("string");
        Dataset<Row> pairs = table.select(key, functions.col(valueColumn).cast("string"));
        if (settings.partitions() > 0) {
            pairs = pairs.repartition(settings.partitions());
        }
        ItemKind pathKind = settings.pathColumn() == null ? null : modelKind(settings);
        String root = settings.root() != null ? Path.of(settings.root()).toAbsolutePath().toString()
                : tableFolder(settings.input());
        return pairs.toJavaRDD().mapPartitions(rows -> TableItems.items(rows, pathKind, root, skipped));
    }

    private static Dataset<Row> read(SparkSession spark, JobSettings settings) {
        DataFrameReader reader = spark.read();
        return switch (settings.format()) {
            case PARQUET -> reader.parquet(settings.input());
            case CSV -> reader.option("header", "true").option("multiLine", "true").option("escape", "\"")
                    .csv(settings.input());
            case JSONL -> reader.json(settings.input());
            case FOLDER -> throw new IllegalArgumentException("a folder is not a table");
        };
    }

    static ScanOptions scanOptions(JobSettings settings) {
        ScanOptions options = ScanOptions.defaults();
        if (settings.textColumn() != null) {
            options = options.withTextColumn(settings.textColumn());
        }
        if (settings.textField() != null) {
            options = options.withTextField(settings.textField());
        }
        return options;
    }

    static int threads(SparkSession spark, JobSettings settings) {
        return settings.threads() > 0 ? settings.threads()
                : Integer.parseInt(spark.conf().get("spark.task.cpus", "1"));
    }

    private static ItemKind modelKind(JobSettings settings) {
        ModelManifest manifest = ModelLoader.resolve(settings.model(), Path.of("").toAbsolutePath()).manifest();
        return switch (manifest.input()) {
            case IMAGE -> ItemKind.IMAGE;
            case AUDIO -> ItemKind.AUDIO;
            case TEXT -> throw QuerentException.usage("--path-column names files, but model '" + settings.model()
                    + "' reads text: use --text-column for a table of texts");
        };
    }

    private static String tableFolder(String input) {
        Path path = Path.of(input).toAbsolutePath();
        return (java.nio.file.Files.isDirectory(path) ? path : path.getParent()).toString();
    }

    static Iterator<Row> rows(Iterator<PartitionEmbedder.Embedded> embedded, String modelHash, LongAccumulator count) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return embedded.hasNext();
            }

            @Override
            public Row next() {
                PartitionEmbedder.Embedded one = embedded.next();
                count.add(1);
                return RowFactory.create(one.item().key(), one.item().contentHash(), modelHash, one.vector().length,
                        EmbeddingSchema.toBytes(one.vector()));
            }
        };
    }
}
