package org.querent.simulate;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Embeddings of a dataset under one model, kept between simulate runs in an append-only file
 * (content hash, vector) so a dataset is embedded once per model, ever. A torn last record (a run
 * killed mid-write) is ignored on load.
 */
final class EmbeddingCache {
    private final Path file;
    private final Map<String, float[]> vectors = new HashMap<>();

    private EmbeddingCache(Path file) {
        this.file = file;
    }

    static EmbeddingCache open(Path folder, String modelHash) {
        EmbeddingCache cache = new EmbeddingCache(folder.resolve("embeddings-" + modelHash.substring(0, 16) + ".bin"));
        cache.load();
        return cache;
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                String hash = in.readUTF();
                int n = in.readInt();
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = in.readFloat();
                }
                vectors.put(hash, v);
            }
        } catch (EOFException end) {
            // Normal end, or a torn last record: everything complete before it is kept.
        } catch (IOException e) {
            vectors.clear(); // an unreadable cache only costs time: everything is embedded again
        }
    }

    float[] get(String hash) {
        return vectors.get(hash);
    }

    void putAll(Map<String, float[]> batch) {
        try {
            Files.createDirectories(file.getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
                for (Map.Entry<String, float[]> e : batch.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    for (float f : e.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
        } catch (IOException e) {
            // The cache is an optimisation: a failed write only means embedding again next time.
        }
        vectors.putAll(batch);
    }
}
