package org.querent.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.querent.common.QuerentException;

/**
 * What one run of {@link EmbedJob} was asked to do, parsed from {@code --name value} arguments.
 *
 * @param model       model reference as the app takes it ({@code builtin:minilm}, a model.json or its folder);
 *                    every executor must see the same path (ship it with {@code --archives} on a cluster)
 * @param input       a dataset folder (Querent's layout) or a Parquet/CSV/JSONL table
 * @param format      how to read {@code input}
 * @param textColumn  the text column of a table, or of the CSV files in a folder (null: the app's choice)
 * @param textField   the text field of the JSONL files in a folder (null: "text")
 * @param pathColumn  in a table of image or audio paths: the column with the path
 * @param keyColumn   in a table: the column whose value is the item key (null: the content hash is the key)
 * @param root        in a table of paths: relative paths resolve against it (null: the table's folder)
 * @param output      folder to write (must not exist)
 * @param partitions  how many tasks to split the input into (0: Spark's default parallelism)
 * @param threads     ONNX Runtime intra-op threads of each partition's session (0: spark.task.cpus)
 * @param head        candidate mode: the folder {@code querent export-model} wrote (model.onnx + model.json with
 *                    classes); null for plain embedding
 * @param candidates  candidate mode: how many items to write
 * @param poolPerPartition candidate mode: the most uncertain items each partition keeps before k-center
 */
public record JobSettings(String model, String input, Format format, String textColumn, String textField,
                          String pathColumn, String keyColumn, String root, String output, int partitions,
                          int threads, String head, int candidates, int poolPerPartition) implements Serializable {

    /** How the input is read. */
    public enum Format { FOLDER, PARQUET, CSV, JSONL }

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: EmbedJob --model REF --input PATH --output DIR [options]",
            "  --model REF            builtin:minilm, a model.json, or its folder (the project's model)",
            "  --input PATH           a dataset folder, or a Parquet/CSV/JSONL table",
            "  --format F             folder | parquet | csv | jsonl (default: folder for a folder without",
            "                         .parquet files, else from the extension)",
            "  --output DIR           where to write the Parquet (must not exist yet)",
            "  --text-column NAME     the text column (tables; CSV files in a folder)",
            "  --text-field NAME      the text field of JSONL files in a folder (default text)",
            "  --path-column NAME     a table of image/audio paths: the path column",
            "  --root DIR             where relative paths in --path-column point (default: the table's folder)",
            "  --key-column NAME      a table: the column to use as item key (default: the content hash)",
            "  --partitions N         tasks to split the input into (default: Spark's default parallelism)",
            "  --threads N            ONNX threads per partition (default: spark.task.cpus)",
            "  --head DIR             candidate mode: a folder written by `querent export-model`",
            "  --candidates N         candidate mode: items to write (default 500)",
            "  --pool-per-partition M candidate mode: most uncertain items kept per partition (default 4 x N)");

    private static final List<String> NAMES = List.of("model", "input", "format", "output", "text-column",
            "text-field", "path-column", "root", "key-column", "partitions", "threads", "head", "candidates",
            "pool-per-partition");

    public JobSettings {
        if (model == null || input == null || output == null) {
            throw QuerentException.usage("--model, --input and --output are required" + System.lineSeparator() + USAGE);
        }
        if (partitions < 0 || threads < 0) {
            throw QuerentException.usage("--partitions and --threads must be 0 or more");
        }
        if (head != null && (candidates < 1 || poolPerPartition < 1)) {
            throw QuerentException.usage("--candidates and --pool-per-partition must be at least 1, were "
                    + candidates + " and " + poolPerPartition);
        }
        if (format != Format.FOLDER && textColumn == null && pathColumn == null) {
            throw QuerentException.usage("a " + format.name().toLowerCase(Locale.ROOT) + " table needs --text-column"
                    + " (a table of texts) or --path-column (a table of image or audio paths)");
        }
        if (textColumn != null && pathColumn != null && format != Format.FOLDER) {
            throw QuerentException.usage("give --text-column or --path-column, not both");
        }
    }

    public boolean candidateMode() {
        return head != null;
    }

    /** Parses {@code --name value} pairs; an unknown name, a missing value or a bad number is a USAGE error. */
    public static JobSettings parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !NAMES.contains(name)) {
                throw QuerentException.usage("unknown argument '" + args[i] + "'" + System.lineSeparator() + USAGE);
            }
            if (i + 1 >= args.length) {
                throw QuerentException.usage("--" + name + " needs a value" + System.lineSeparator() + USAGE);
            }
            values.put(name, args[++i]);
        }
        String input = values.get("input");
        Format format = values.containsKey("format") ? format(values.get("format")) : guessFormat(input);
        int candidates = number(values, "candidates", 500);
        return new JobSettings(values.get("model"), input, format, values.get("text-column"), values.get("text-field"),
                values.get("path-column"), values.get("key-column"), values.get("root"), values.get("output"),
                number(values, "partitions", 0), number(values, "threads", 0), values.get("head"), candidates,
                number(values, "pool-per-partition", 4 * candidates));
    }

    private static Format format(String value) {
        try {
            return Format.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw QuerentException.usage("--format " + value + " is not one of folder, parquet, csv, jsonl");
        }
    }

    private static Format guessFormat(String input) {
        if (input == null) {
            return Format.FOLDER;
        }
        String lower = input.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".parquet")) {
            return Format.PARQUET;
        }
        if (lower.endsWith(".csv")) {
            return Format.CSV;
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".json")) {
            return Format.JSONL;
        }
        Path path = Path.of(input);
        if (java.nio.file.Files.isDirectory(path)) {
            try (var files = java.nio.file.Files.list(path)) {
                if (files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"))) {
                    return Format.PARQUET;
                }
            } catch (java.io.IOException e) {
                // listed again by the job, which reports the problem
            }
        }
        return Format.FOLDER;
    }

    private static int number(Map<String, String> values, String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw QuerentException.usage("--" + name + " " + value + " is not a whole number");
        }
    }
}
