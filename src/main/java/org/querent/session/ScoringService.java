package org.querent.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.querent.common.Cancellation;
import org.querent.common.ErrorKind;
import org.querent.common.ProgressListener;
import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.runtime.EmbeddingModel;
import org.querent.runtime.ModelInput;
import org.querent.runtime.ModelOutput;
import org.querent.runtime.PreparedBatch;
import org.querent.store.EmbeddingRepository.Embedding;
import org.querent.store.ItemRecord;

/**
 * Runs the model over every item not yet embedded. Three stages overlap: reader threads prepare the next batches
 * (reads, tokenises, decodes; one reader per lane), as many inference lanes as the model has sessions (the calling
 * thread and {@code parallelRuns() - 1} more; one by default, {@code -Dquerent.sessions}) run them (with a lane per
 * core, each lane prepares its own batches instead), and a writer thread stores what is done, a quarter second's
 * batches in one transaction, so an interrupted run loses at most those and the batches in flight, and the next run
 * continues where this one stopped.
 */
public final class ScoringService {
    /** Batches prepared ahead of each inference lane; two keep it busy without holding much memory. */
    private static final int PREPARED_AHEAD = 2;
    /**
     * The writer commits when its oldest row has waited this long, or at COMMIT_ROWS rows: a kill loses at most a
     * quarter second of work, and a commit's index pages are written once for thousands of rows (ADR 0026).
     */
    private static final long COMMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final int COMMIT_ROWS = 16_384;
    /** The tokenizer's native code needs a deep stack; the memory is reserved, not used. */
    private static final long NATIVE_STACK_BYTES = 64L << 20;

    private final Project project;
    private final ModelSession models;

    public ScoringService(Project project, ModelSession models) {
        this.project = project;
        this.models = models;
    }

    /** What a scoring run did. */
    public record Report(int scored, int quarantined, int alreadyScored, long millis, boolean cancelled) {
        public double itemsPerSecond() {
            return millis == 0 ? 0 : scored * 1000.0 / millis;
        }
    }

    private record Job(List<ItemRecord> items, PreparedBatch prepared) {
    }

    private record Stored(List<ItemRecord> items, ModelOutput output) {
    }

    private static final Job END = new Job(List.of(), null);

    /** Items scored before labelling starts in the workstation: a few seconds of work, spread over the folder. */
    public static final int FIRST_PART = 128;

    public Report score(int batchSize, ProgressListener progress, Cancellation cancel) {
        return score(batchSize, Integer.MAX_VALUE, progress, cancel);
    }

    /**
     * Scores at most {@code limit} of the pending items, spread evenly over them (every folder, not the first
     * one), so a first ranking can start before the rest is read; the next call scores what is left.
     */
    public Report score(int batchSize, int limit, ProgressListener progress, Cancellation cancel) {
        EmbeddingModel model = models.model();
        String modelHash = models.hash();
        List<ItemRecord> todo = spread(pending(modelHash), limit);
        int already = project.embeddings().count(modelHash);
        long start = System.nanoTime();
        progress.progress(0, todo.size(), "");
        if (todo.isEmpty()) {
            return new Report(0, 0, already, 0, false);
        }
        Path root = project.dataRoot();
        List<List<ItemRecord>> batches = new ArrayList<>();
        for (int i = 0; i < todo.size(); i += batchSize) {
            batches.add(todo.subList(i, Math.min(todo.size(), i + batchSize)));
        }
        int lanes = Math.max(1, Math.min(model.parallelRuns(), batches.size()));
        // A lane per core reads its own batches: a separate reader would only take turns with the lanes for the
        // cores, and hand every batch to another core's cache. Fewer lanes get a reader each to overlap with.
        boolean lanesRead = lanes >= Runtime.getRuntime().availableProcessors();
        int readers = lanesRead ? 0 : lanes;
        BlockingQueue<Job> prepared = new ArrayBlockingQueue<>(PREPARED_AHEAD * lanes);
        BlockingQueue<Stored> toStore = new ArrayBlockingQueue<>(PREPARED_AHEAD * lanes);
        ExecutorService workers = Executors.newFixedThreadPool(readers + lanes, r -> {
            Thread t = new Thread(null, r, "querent-scoring", NATIVE_STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        AtomicInteger quarantined = new AtomicInteger();
        AtomicInteger nextBatch = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        int scored = 0;
        boolean cancelled = false;
        try {
            Callable<Void> readLoop = () -> {
                for (int b = nextBatch.getAndIncrement(); b < batches.size(); b = nextBatch.getAndIncrement()) {
                    if (cancel.isCancelled() || stop.get()) {
                        break;
                    }
                    Job job = prepareIsolatingBad(model, root, batches.get(b), quarantined);
                    if (!job.items().isEmpty()) {
                        offerUntil(prepared, job, stop);
                    }
                }
                return null;
            };
            Future<?> reader = lanesRead ? CompletableFuture.completedFuture(null) : workers.submit(() -> {
                try {
                    List<Future<Void>> helpers = new ArrayList<>();
                    for (int r = 1; r < readers; r++) {
                        helpers.add(workers.submit(readLoop));
                    }
                    readLoop.call();
                    for (Future<Void> helper : helpers) {
                        try {
                            helper.get();
                        } catch (ExecutionException e) {
                            throw unwrap(e);
                        }
                    }
                } finally {
                    offerUntil(prepared, END, stop);
                }
                return null;
            });
            Future<Integer> writer = workers.submit(() -> {
                int written = 0;
                List<Embedding> rows = new ArrayList<>();
                long firstRow = 0;
                boolean end = false;
                while (!end) {
                    // Rows wait for a commit up to COMMIT_NANOS: a commit writes every index page it touched to the
                    // WAL, and a small image model's rows came faster than one commit each could keep up with.
                    Stored s = rows.isEmpty() ? toStore.take()
                            : toStore.poll(Math.max(0, COMMIT_NANOS - (System.nanoTime() - firstRow)), TimeUnit.NANOSECONDS);
                    if (s != null && s.output() == null) {
                        end = true;
                    } else if (s != null) {
                        if (rows.isEmpty()) {
                            firstRow = System.nanoTime();
                        }
                        for (int i = 0; i < s.items().size(); i++) {
                            float[] scores = s.output().classScores() == null ? null : s.output().classScores()[i];
                            rows.add(new Embedding(s.items().get(i).contentHash(), s.output().embeddings()[i], scores));
                        }
                    }
                    if (!rows.isEmpty() && (end || rows.size() >= COMMIT_ROWS
                            || System.nanoTime() - firstRow >= COMMIT_NANOS)) {
                        project.embeddings().saveAll(modelHash, rows);
                        written += rows.size();
                        progress.progress(written, todo.size(), "");
                        rows = new ArrayList<>();
                    }
                }
                return written;
            });
            try {
                Lane lane = lanesRead
                        ? () -> readAndInfer(model, root, batches, nextBatch, quarantined, toStore, writer, cancel, stop)
                        : () -> infer(model, prepared, toStore, reader, writer, cancel, stop);
                List<Future<Void>> otherLanes = new ArrayList<>();
                for (int other = 1; other < lanes; other++) {
                    otherLanes.add(workers.submit(() -> {
                        lane.run();
                        return null;
                    }));
                }
                lane.run();
                for (Future<Void> other : otherLanes) {
                    other.get(); // every lane has handed its last batch to the writer (or failed)
                }
                cancelled = cancel.isCancelled();
            } finally {
                stop.set(true); // the reader stops at its next batch
                offerUntilDone(toStore, new Stored(List.of(), null), writer); // the writer drains what is queued
            }
            scored = writer.get();
            reader.get();
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuerentException(ErrorKind.CANCELLED, "scoring was interrupted; run it again to continue");
        } finally {
            workers.shutdownNow();
            awaitQuietly(workers);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Report(scored, quarantined.get(), already, millis, cancelled);
    }

    /**
     * One inference lane: takes prepared batches until the reader's END (put back for the other lanes), a
     * cancel, or a stop, and hands each output to the writer.
     */
    private static void infer(EmbeddingModel model, BlockingQueue<Job> prepared, BlockingQueue<Stored> toStore,
                              Future<?> reader, Future<?> writer, Cancellation cancel, AtomicBoolean stop)
            throws InterruptedException, ExecutionException {
        while (!stop.get()) {
            Job job = prepared.poll(200, TimeUnit.MILLISECONDS);
            if (job == null) {
                if (reader.isDone() && prepared.isEmpty()) {
                    reader.get(); // rethrows the reader's failure; else its END is on the way
                }
                if (writer.isDone()) {
                    writer.get();
                }
                continue;
            }
            if (job == END) {
                prepared.offer(END); // room: this lane just took one
                return;
            }
            if (cancel.isCancelled()) {
                return;
            }
            ModelOutput out = model.run(job.prepared());
            putOrFail(toStore, new Stored(job.items(), out), writer);
        }
    }

    /** An inference lane's loop. */
    @FunctionalInterface
    private interface Lane {
        void run() throws InterruptedException, ExecutionException;
    }

    /** One lane that reads its own batches: takes the next batch, prepares it, runs it, hands it to the writer. */
    private void readAndInfer(EmbeddingModel model, Path root, List<List<ItemRecord>> batches, AtomicInteger nextBatch,
                              AtomicInteger quarantined, BlockingQueue<Stored> toStore, Future<?> writer,
                              Cancellation cancel, AtomicBoolean stop) throws InterruptedException, ExecutionException {
        for (int b = nextBatch.getAndIncrement(); b < batches.size(); b = nextBatch.getAndIncrement()) {
            if (cancel.isCancelled() || stop.get()) {
                return;
            }
            Job job = prepareIsolatingBad(model, root, batches.get(b), quarantined);
            if (!job.items().isEmpty()) {
                putOrFail(toStore, new Stored(job.items(), model.run(job.prepared())), writer);
            }
        }
    }

    /** {@code limit} items taken at even steps over {@code items} (all of them when they are fewer). */
    static List<ItemRecord> spread(List<ItemRecord> items, int limit) {
        if (items.size() <= limit) {
            return items;
        }
        List<ItemRecord> picked = new ArrayList<>(limit);
        double step = items.size() / (double) limit;
        for (int i = 0; i < limit; i++) {
            picked.add(items.get((int) (i * step)));
        }
        return picked;
    }

    /** Meta key of the stamp of the last count that found nothing waiting. */
    static final String SCORED_KEY = "scored.complete";

    /**
     * How many items {@link #pending} would give, counted in SQL: no item record is read. A count of zero is
     * stamped with the largest item id and the item generation (migration 7): while neither moves, nothing can be
     * waiting, and the next count is free instead of a join of every item with the embeddings (0.6 s at a million).
     */
    public int pendingCount(String modelHash) {
        String stamp = scoredStamp(modelHash); // taken before counting: a change meanwhile moves it on
        if (stamp.equals(project.meta().get(SCORED_KEY).orElse(null))) {
            return 0;
        }
        int pending = project.embeddings().countMissingContents(modelHash);
        if (pending == 0) {
            try {
                project.meta().put(SCORED_KEY, stamp);
            } catch (RuntimeException readOnly) {
                // a read-only file counts again next time; nothing else depends on the stamp
            }
        }
        return pending;
    }

    private String scoredStamp(String modelHash) {
        return modelHash + ":" + project.items().maxId() + ":" + project.meta().get("items.generation").orElse("none");
    }

    /** Active, non-duplicate items whose content has no embedding for the model, in item order. */
    public List<ItemRecord> pending(String modelHash) {
        Set<String> missing = new HashSet<>(project.embeddings().missingHashes(modelHash));
        List<ItemRecord> out = new ArrayList<>();
        for (ItemRecord item : project.items().inState("active")) {
            if (item.duplicateOf() == null && missing.remove(item.contentHash())) {
                out.add(item);
            }
        }
        return out;
    }

    /** Prepares a batch; when one item breaks it, prepares item by item and quarantines the ones that fail. */
    private Job prepareIsolatingBad(EmbeddingModel model, Path root, List<ItemRecord> batch, AtomicInteger quarantined) {
        try {
            return new Job(batch, model.prepare(inputs(root, batch)));
        } catch (QuerentException whole) {
            List<ItemRecord> good = new ArrayList<>();
            for (ItemRecord item : batch) {
                try {
                    model.prepare(inputs(root, List.of(item)));
                    good.add(item);
                } catch (QuerentException e) {
                    project.items().quarantine(item.id(), "the model could not read it: " + e.getMessage());
                    quarantined.incrementAndGet();
                }
            }
            return good.isEmpty() ? new Job(good, null) : new Job(good, model.prepare(inputs(root, good)));
        }
    }

    private static List<ModelInput> inputs(Path root, List<ItemRecord> batch) {
        List<ModelInput> inputs = new ArrayList<>(batch.size());
        for (ItemRecord item : batch) {
            inputs.add(switch (item.kind()) {
                case IMAGE -> ModelInput.image(root.resolve(item.path()));
                case AUDIO -> ModelInput.audio(root.resolve(item.path()));
                case TEXT -> ModelInput.text(item.body());
            });
        }
        return inputs;
    }

    private static <T> void putOrFail(BlockingQueue<T> queue, T value, Future<?> consumer) throws InterruptedException,
            ExecutionException {
        while (!queue.offer(value, 200, TimeUnit.MILLISECONDS)) {
            if (consumer.isDone()) {
                consumer.get();
            }
        }
    }

    private static <T> void offerUntil(BlockingQueue<T> queue, T value, AtomicBoolean stop) throws InterruptedException {
        while (!queue.offer(value, 200, TimeUnit.MILLISECONDS)) {
            if (stop.get()) {
                return;
            }
        }
    }

    private static <T> void offerUntilDone(BlockingQueue<T> queue, T value, Future<?> consumer) {
        try {
            while (!queue.offer(value, 200, TimeUnit.MILLISECONDS)) {
                if (consumer.isDone()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(ExecutorService workers) {
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RuntimeException unwrap(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
            return r;
        }
        return new QuerentException(ErrorKind.INTERNAL, "scoring failed: " + cause, cause);
    }
}
