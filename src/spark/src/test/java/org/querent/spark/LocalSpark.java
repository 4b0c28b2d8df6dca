package org.querent.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** One Spark local-mode session for a test class: two cores, no UI, small shuffles. */
final class LocalSpark {
    private LocalSpark() {
    }

    static SparkSession start() {
        return SparkSession.builder().master("local[2]").appName("querent-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    /** The sample project shipped with the repository (the module lives two folders below its root). */
    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("sample-projects/emails/data"))) {
                return p;
            }
        }
        throw new IllegalStateException("sample-projects/ not found above " + here);
    }

    static List<Row> readParquet(SparkSession spark, Path folder) {
        return new ArrayList<>(spark.read().parquet(folder.toString()).collectAsList());
    }
}
