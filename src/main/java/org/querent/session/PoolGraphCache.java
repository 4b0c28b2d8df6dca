package org.querent.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;

import org.querent.common.Cancellation;
import org.querent.common.Hashes;
import org.querent.learn.graph.NeighbourGraph;
import org.querent.learn.graph.NeighbourSearch;
import org.querent.learn.pool.PoolGraph;
import org.querent.runtime.QuerentCache;

/**
 * The pool's neighbour graph, kept as derived data in the user cache folder ({@code graphs/<key>.knn}), never in
 * the project file: a project opens, labels and trains its supervised head without it. The key hashes the model and
 * every pool row's content hash in row order, so a changed pool (an import, a rescoring) gets a new graph and a
 * stale one is never read. A missing, damaged or unwritable cache only costs a rebuild (about 20 s for 100,000
 * items, PoolHeadBenchmark).
 */
public final class PoolGraphCache {
    /** Neighbours per item. */
    public static final int K = 10;

    private final Path folder;

    public PoolGraphCache(Path folder) {
        this.folder = folder;
    }

    /** The cache under the user cache folder. */
    public static PoolGraphCache user() {
        return new PoolGraphCache(QuerentCache.root().resolve("graphs"));
    }

    /** The pool's graph, read from the cache or built (and then cached) on first use. */
    public PoolGraph graphOf(Pool pool, Cancellation cancellation) {
        return new PoolGraph(() -> load(pool, cancellation));
    }

    /** The cache file of this pool. */
    Path fileOf(Pool pool) {
        MessageDigest digest = Hashes.sha256();
        digest.update((pool.modelHash() + "\n" + K + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(pool.contentDigest()); // the rows' content hashes in row order
        return folder.resolve(Hashes.hex(digest.digest()).substring(0, 32) + ".knn");
    }

    NeighbourGraph load(Pool pool, Cancellation cancellation) {
        Path file = fileOf(pool);
        if (Files.isRegularFile(file)) {
            try {
                NeighbourGraph graph = NeighbourGraph.fromBytes(Files.readAllBytes(file));
                if (graph.size() == pool.size()) {
                    return graph;
                }
            } catch (IOException | IllegalArgumentException e) {
                // derived data: rebuild below
            }
        }
        NeighbourGraph graph = NeighbourSearch.forPool(pool.size()).build(pool.embeddings(), K, cancellation);
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "graph", ".tmp");
            Files.write(temp, graph.toBytes());
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            // an unwritable cache only means the next use rebuilds
            try {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException ignored) {
                // nothing more to do for a cache file
            }
        }
        return graph;
    }
}
