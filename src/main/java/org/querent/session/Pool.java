package org.querent.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import org.querent.common.ErrorKind;
import org.querent.common.Hashes;
import org.querent.common.QuerentException;
import org.querent.learn.Rows;
import org.querent.project.Project;
import org.querent.store.ItemRecord;
import org.querent.store.Vectors;

/**
 * The project's scored items in memory: every active, non-duplicate item that has an embedding for the
 * model. Loaded once per session and reused, so re-ranking after a retrain never touches the model or
 * re-reads vectors.
 *
 * <p>Compact (ADR 0017, 0020): the vectors are float16 rows in 65,536-row chunks (768 bytes a 384-d row, where a float[] per row
 * took 1,552), the items are their ids only, and an item record is read from the project when asked for. A
 * million rows hold about 780 MB. {@link #embeddings()} is the adapter for the code that still wants a
 * {@code float[][]} (diversity strategies, the neighbour graph, pool heads): it decodes the whole pool once,
 * at float32 size.
 */
public final class Pool implements Rows {
    private final String modelHash;
    private final long[] ids;
    private final HalfMatrix halves;
    private final int dimension;
    private final float[][] classScores;
    private final int unscored;
    private final byte[] contentDigest;
    private final LongFunction<ItemRecord> itemById;
    private final String sampleOf;
    private volatile float[][] decoded;

    private Pool(String modelHash, long[] ids, HalfMatrix halves, int dimension, float[][] classScores, int unscored,
                 byte[] contentDigest, LongFunction<ItemRecord> itemById) {
        this(modelHash, ids, halves, dimension, classScores, unscored, contentDigest, itemById, null);
    }

    private Pool(String modelHash, long[] ids, HalfMatrix halves, int dimension, float[][] classScores, int unscored,
                 byte[] contentDigest, LongFunction<ItemRecord> itemById, String sampleOf) {
        this.sampleOf = sampleOf;
        this.modelHash = modelHash;
        this.ids = ids;
        this.halves = halves;
        this.dimension = dimension;
        this.classScores = classScores;
        this.unscored = unscored;
        this.contentDigest = contentDigest;
        this.itemById = itemById;
    }

    /** Loads the pool of the project for the given model hash. */
    public static Pool load(Project project, String modelHash) {
        int bound = project.embeddings().poolCandidates();
        long[][] ids = {new long[bound]};
        HalfMatrix[] halves = {null};
        float[][][] scores = {null};
        int[] n = {0};
        MessageDigest digest = Hashes.sha256();
        project.embeddings().forEachPoolRow(modelHash, (id, contentHash, vector, classScores) -> {
            int row = n[0];
            if (row == ids[0].length) { // items added since the count: rare, grow
                ids[0] = Arrays.copyOf(ids[0], row * 2 + 16);
            }
            if (halves[0] == null) {
                halves[0] = new HalfMatrix(vector.length / 2);
            } else if (vector.length / 2 != halves[0].dimension()) {
                throw new QuerentException(ErrorKind.PROJECT, "the stored embeddings of model " + modelHash
                        + " have different lengths (" + halves[0].dimension() + " and " + vector.length / 2
                        + "): run 'querent score' again");
            }
            ids[0][row] = id;
            halves[0].appendHalfBytes(vector);
            if (classScores != null) {
                if (scores[0] == null) {
                    scores[0] = new float[ids[0].length][];
                } else if (scores[0].length < ids[0].length) {
                    scores[0] = Arrays.copyOf(scores[0], ids[0].length);
                }
                scores[0][row] = Vectors.fromBytes(classScores);
            }
            digest.update(contentHash.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            n[0]++;
        });
        int size = n[0];
        // Trimmed only when some candidates had no vector (the first part of a scoring run): a copy, then.
        long[] rowIds = size == ids[0].length ? ids[0] : Arrays.copyOf(ids[0], size);
        HalfMatrix flat = halves[0] == null ? new HalfMatrix(0) : halves[0];
        flat.trim();
        int[] dim = {flat.dimension()};
        float[][] classScores = scores[0] == null ? null : Arrays.copyOf(scores[0], size);
        if (classScores != null && Arrays.stream(classScores).anyMatch(s -> s == null)) {
            classScores = null; // scores only count when every row has them, as before
        }
        var items = project.items();
        return new Pool(modelHash, rowIds, flat, dim[0], classScores, Math.max(0, bound - size), digest.digest(),
                id -> items.byId(id).orElseThrow(() -> new QuerentException(ErrorKind.PROJECT,
                        "item " + id + " left the project while its pool was open: open the project again")));
    }

    /**
     * A pool of just the given items (those of them in the model's pool), read by id: predicting a saved queue's
     * few items without loading the rest. Its content digest names no cache.
     */
    static Pool ofItems(Project project, String modelHash, List<Long> itemIds) {
        return ofItems(project, modelHash, itemIds, null);
    }

    /**
     * A seeded uniform sample of about {@code n} of the model's pool, read by id (item ids drawn up to the largest,
     * so no scan of the pool): what a large pool's first batch is ranked on while the whole pool loads (ADR 0020).
     */
    static Pool sample(Project project, String modelHash, int n, long seed) {
        long maxId = project.items().maxId();
        List<Long> ids = new java.util.SplittableRandom(seed).longs(1, maxId + 1).distinct()
                .limit(Math.min(n, maxId)).boxed().toList();
        Pool sample = ofItems(project, modelHash, ids, null);
        return ofItems(sample, "a uniform sample of " + sample.size() + " of the pool's items, ranked while the whole"
                + " pool loads");
    }

    private static Pool ofItems(Pool pool, String sampleOf) {
        return new Pool(pool.modelHash, pool.ids, pool.halves, pool.dimension, null, 0, new byte[0], pool.itemById,
                sampleOf);
    }

    private static Pool ofItems(Project project, String modelHash, List<Long> itemIds, String sampleOf) {
        Map<Long, float[]> vectors = project.embeddings().poolVectorsOf(modelHash, itemIds);
        long[] ids = vectors.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        int dim = vectors.isEmpty() ? 0 : vectors.values().iterator().next().length;
        HalfMatrix halves = new HalfMatrix(dim);
        short[] row = new short[dim];
        for (long id : ids) {
            float[] v = vectors.get(id);
            for (int d = 0; d < dim; d++) {
                row[d] = Vectors.toHalf(v[d]); // exact: v was decoded from these halves
            }
            halves.appendHalves(row, 0);
        }
        var items = project.items();
        return new Pool(modelHash, ids, halves, dim, null, 0, new byte[0],
                id -> items.byId(id).orElseThrow(() -> new QuerentException(ErrorKind.PROJECT,
                        "item " + id + " left the project while its pool was open: open the project again")));
    }

    public String modelHash() {
        return modelHash;
    }

    /** What this pool is a sample of (said in the rounds ranked on it), or null for the model's whole pool. */
    public String sampleOf() {
        return sampleOf;
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** Active items still waiting for the model. */
    public int unscored() {
        return unscored;
    }

    /** Row of an item id, or -1 (rows are in id order). */
    public int indexOf(long itemId) {
        int row = Arrays.binarySearch(ids, itemId);
        return row >= 0 ? row : -1;
    }

    /** The item id of a row. */
    public long id(int row) {
        return ids[row];
    }

    /** The item of a row, read from the project now. */
    public ItemRecord item(int row) {
        return itemById.apply(ids[row]);
    }

    /** The items by row, each read from the project when asked for (never all held). */
    public List<ItemRecord> items() {
        return new AbstractList<>() {
            @Override
            public ItemRecord get(int row) {
                return item(row);
            }

            @Override
            public int size() {
                return ids.length;
            }
        };
    }

    /**
     * A pool of some of this pool's rows (kept in row order, so in id order), for evaluating a head on a labelled
     * subset without decoding or copying the rest.
     */
    public Pool subset(int[] rows) {
        int[] sorted = rows.clone();
        java.util.Arrays.sort(sorted);
        long[] subIds = new long[sorted.length];
        HalfMatrix subHalves = new HalfMatrix(dimension);
        short[] buffer = new short[dimension];
        float[][] subScores = classScores == null ? null : new float[sorted.length][];
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest.update(contentDigest);
        for (int i = 0; i < sorted.length; i++) {
            int row = sorted[i];
            subIds[i] = ids[row];
            halves.copyHalves(row, buffer, 0);
            subHalves.appendHalves(buffer, 0);
            if (subScores != null) {
                subScores[i] = classScores[row];
            }
            digest.update(java.nio.ByteBuffer.allocate(4).putInt(row).array());
        }
        return new Pool(modelHash, subIds, subHalves, dimension, subScores, 0, digest.digest(), itemById);
    }

    /** SHA-256 over the rows' content hashes in row order: names this pool's derived caches. */
    public byte[] contentDigest() {
        return contentDigest.clone();
    }

    @Override
    public void copyRow(int row, float[] into) {
        halves.copyRow(row, into);
    }

    /** One row as a new float[]. */
    public float[] vector(int row) {
        float[] v = new float[dimension];
        copyRow(row, v);
        return v;
    }

    /** The model's own class scores per row, or null when the model has none. */
    public float[][] classScores() {
        return classScores;
    }

    /** Every row as float32, decoded once and kept: the adapter for callers that need a float[][] (see above). */
    public float[][] embeddings() {
        float[][] out = decoded;
        if (out == null) {
            synchronized (this) {
                out = decoded;
                if (out == null) {
                    out = new float[ids.length][];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = vector(i);
                    }
                    decoded = out;
                }
            }
        }
        return out;
    }

    /** Whether {@link #embeddings()} has been decoded (the compact form is all that is held otherwise). */
    public boolean decodedAll() {
        return decoded != null;
    }
}
