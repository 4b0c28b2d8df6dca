package org.querent.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.querent.common.Cancellation;
import org.querent.common.ErrorKind;
import org.querent.common.ProgressListener;
import org.querent.common.QuerentException;
import org.querent.interop.EmbeddingParquet;
import org.querent.project.Project;
import org.querent.store.EmbeddingRepository;
import org.querent.store.EmbeddingRepository.ImportCounts;
import org.querent.store.Vectors;

/**
 * Loads embeddings computed elsewhere (the Spark job's Parquet files) into the project, as if {@code score} had
 * computed them: float16 rows keyed by content and model hash. Rows must come from the project's own model
 * (same hash) and size; rows whose content no item has are counted and skipped. The whole import is one
 * transaction, so a bad row, a damaged page or a cancel leaves the project as it was (ADR 0023).
 */
public final class EmbeddingImportService {
    /** How many keys of rows with no item in the project the report names. */
    static final int KEYS_TO_REPORT = 5;

    private final Project project;
    private final ModelSession models;

    public EmbeddingImportService(Project project, ModelSession models) {
        this.project = project;
        this.models = models;
    }

    /**
     * What an import did. {@code withoutItem} rows carry content no item of the project has; {@code stillMissing}
     * counts the project's items that have no embedding of the model after the import.
     */
    public record Report(List<Path> files, long rows, long stored, long alreadyStored, long withoutItem,
                         List<String> firstWithoutItem, long withoutVector, int stillMissing, long millis,
                         boolean cancelled) {
        public double rowsPerSecond() {
            return millis <= 0 ? 0 : rows * 1000.0 / millis;
        }
    }

    /**
     * Imports every row of the given files (a folder stands for the Parquet files directly inside it, as Spark
     * writes them). Every file's footer and schema are checked before anything is written.
     */
    public Report importFiles(List<Path> paths, ProgressListener progress, Cancellation cancel) {
        long start = System.nanoTime();
        List<Path> files = expand(paths);
        List<EmbeddingParquet> opened = new ArrayList<>();
        try {
            long total = 0;
            for (Path f : files) {
                EmbeddingParquet e = EmbeddingParquet.open(f);
                opened.add(e);
                total += e.rowCount();
            }
            String modelHash = models.hash();
            int dimension = project.embeddings().dimension(modelHash)
                    .orElseGet(() -> models.model().info().dimension()); // opening the model registers it
            long rows = total;
            progress.progress(0, rows, "");
            Tally tally = new Tally();
            ImportCounts counts;
            try {
                counts = project.embeddings().importVectors(modelHash, KEYS_TO_REPORT,
                        sink -> storeAsRead(opened, modelHash, dimension, sink, tally, rows, progress, cancel));
            } catch (QuerentException e) {
                if (e.kind() == ErrorKind.CANCELLED) {
                    return new Report(files, tally.read, 0, 0, 0, List.of(), 0,
                            project.embeddings().countMissing(modelHash), millis(start), true);
                }
                throw e;
            }
            progress.progress(rows, rows, "");
            return new Report(files, tally.read, counts.stored(), counts.alreadyStored(), counts.notInProject(),
                    counts.firstNotInProject(), tally.withoutVector, project.embeddings().countMissing(modelHash),
                    millis(start), false);
        } finally {
            opened.forEach(EmbeddingParquet::close);
        }
    }

    /** Rows handed from the reading thread to the storing one; a failure travels the same way. */
    private static final class Batch {
        static final Batch END = new Batch(0, null);
        final String[] hashes;
        final byte[][] vectors;
        final String[] keys;
        final RuntimeException failure;
        int size;

        Batch(int capacity, RuntimeException failure) {
            this.hashes = new String[capacity];
            this.vectors = new byte[capacity][];
            this.keys = new String[capacity];
            this.failure = failure;
        }

        void add(String hash, byte[] vector, String key) {
            hashes[size] = hash;
            vectors[size] = vector;
            keys[size] = key;
            size++;
        }
    }

    private static final int BATCH = 1024;

    /**
     * Reads, checks and converts the rows on one thread while this one (the transaction's) stores them: decoding
     * and float16 conversion overlap SQLite's inserts. A failure or cancel on either side stops both, and the
     * failure is rethrown here, where the transaction rolls back.
     */
    private static void storeAsRead(List<EmbeddingParquet> files, String modelHash, int dimension,
                                    EmbeddingRepository.ImportSink sink, Tally tally, long rows,
                                    ProgressListener progress, Cancellation cancel) {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(8);
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            Batch last;
            try {
                Batch[] current = {new Batch(BATCH, null)};
                for (EmbeddingParquet file : files) {
                    RowCheck check = new RowCheck(file.path(), modelHash, dimension);
                    file.forEach(row -> {
                        byte[] half = check.halfVector(row);
                        if (half == null) {
                            tally.withoutVector++;
                        } else {
                            current[0].add(check.contentHash(row), half, row.itemKey());
                            if (current[0].size == BATCH) {
                                hand(queue, current[0], stop);
                                current[0] = new Batch(BATCH, null);
                            }
                        }
                        if ((++tally.read & 4095) == 0) {
                            progress.progress(tally.read, rows, file.path().getFileName().toString());
                        }
                    }, cancel);
                }
                hand(queue, current[0], stop);
                last = Batch.END;
            } catch (RuntimeException e) {
                last = new Batch(0, e);
            }
            try {
                hand(queue, last, stop);
            } catch (QuerentException stopped) {
                // The storing side has its own failure to report.
            }
        }, "querent-parquet-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Batch b = queue.take();
                if (b.failure != null) {
                    throw b.failure;
                }
                if (b == Batch.END) {
                    return;
                }
                for (int i = 0; i < b.size; i++) {
                    sink.add(b.hashes[i], b.vectors[i], b.keys[i]);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuerentException(ErrorKind.CANCELLED, "cancelled");
        } finally {
            stop.set(true);
            queue.clear();
            try {
                reader.join(); // the reader sees stop within 100 ms; tally is read only after it ended
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Waits for room in the queue. When the storing side has stopped (it failed), the batch is dropped and the
     * reading ends with a throw, so the file is not read on for nothing.
     */
    private static void hand(BlockingQueue<Batch> queue, Batch batch, AtomicBoolean stop) {
        try {
            do {
                if (stop.get()) {
                    throw new QuerentException(ErrorKind.CANCELLED, "the storing side stopped");
                }
            } while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuerentException(ErrorKind.CANCELLED, "interrupted");
        }
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Written by the reading thread only; read by others once it has ended (or, for progress, as it goes). */
    private static final class Tally {
        volatile long read;
        long withoutVector;
    }

    /** The checks every row passes before it is stored; a failure names the file, the row and what to do. */
    private static final class RowCheck {
        private final Path file;
        private final String modelHash;
        private final byte[] modelHashBytes;
        private final int dimension;

        RowCheck(Path file, String modelHash, int dimension) {
            this.file = file;
            this.modelHash = modelHash;
            this.modelHashBytes = modelHash.getBytes(StandardCharsets.UTF_8);
            this.dimension = dimension;
        }

        String contentHash(EmbeddingParquet.Row row) {
            String hash = row.contentHash();
            if (hash == null || hash.isEmpty()) {
                throw bad(row, "has no content_hash; every row needs the content hash Querent computes for its item");
            }
            return hash;
        }

        /** The row's vector as float16 bytes, or null when the row has no vector (the job could not embed it). */
        byte[] halfVector(EmbeddingParquet.Row row) {
            byte[] model = row.modelHashBytes();
            if (model == null || !Arrays.equals(model, modelHashBytes)) {
                String theirs = model == null ? "none" : new String(model, StandardCharsets.UTF_8);
                throw new QuerentException(ErrorKind.MODEL, file + ": row " + row.index() + " was embedded by model "
                        + theirs + ", but this project's model is " + modelHash + "; embed with the same model.json"
                        + " (and model files) the project uses, or change the project's model; nothing was imported");
            }
            byte[] vector = row.vector();
            if (vector == null) {
                return null;
            }
            int dim = row.dim();
            if (dim != dimension) {
                throw bad(row, "has dim " + dim + ", but the project's model gives " + dimension + "-d embeddings");
            }
            if (vector.length != 4 * dim) {
                throw bad(row, "has a vector of " + vector.length + " bytes, but dim " + dim + " needs " + 4 * dim
                        + " (little-endian float32 x dim)");
            }
            byte[] half = Vectors.float32BytesToHalfBytes(vector);
            if (half == null) {
                throw bad(row, "has a vector holding NaN or infinity");
            }
            return half;
        }

        private QuerentException bad(EmbeddingParquet.Row row, String problem) {
            return QuerentException.usage(file + ": row " + row.index() + " (item " + row.itemKey() + ") " + problem
                    + "; nothing was imported");
        }
    }

    /** The files to read: files as given, folders as the Parquet files directly inside them, in name order. */
    static List<Path> expand(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    List<Path> parts = s.filter(f -> Files.isRegularFile(f) && isDataFile(f)).sorted().toList();
                    if (parts.isEmpty()) {
                        throw QuerentException.notFound(p + ": the folder holds no .parquet files; give the folder"
                                + " the Spark job wrote, or its .parquet files");
                    }
                    out.addAll(parts);
                } catch (IOException e) {
                    throw QuerentException.notFound(p + ": cannot be listed (" + e.getMessage() + ")");
                }
            } else if (!Files.exists(p)) {
                throw QuerentException.notFound(p + ": no such file or folder");
            } else {
                out.add(p);
            }
        }
        if (out.isEmpty()) {
            throw QuerentException.usage("no Parquet files given");
        }
        return out;
    }

    /** Spark's output folder also holds _SUCCESS and .crc side files. */
    private static boolean isDataFile(Path f) {
        String name = f.getFileName().toString();
        return name.endsWith(".parquet") && !name.startsWith("_") && !name.startsWith(".");
    }
}
