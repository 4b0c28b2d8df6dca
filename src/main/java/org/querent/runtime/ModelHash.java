package org.querent.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.querent.common.ErrorKind;
import org.querent.common.Hashes;
import org.querent.common.QuerentException;

/**
 * The identity of a model's numbers: SHA-256 over the ONNX bytes, the tokenizer bytes (text models) and the
 * canonical preprocessing JSON. Renaming a model keeps its hash; changing its mean/std or pooling changes it.
 */
public final class ModelHash {
    private ModelHash() {
    }

    public static String of(ModelManifest manifest, Path manifestFolder) {
        MessageDigest digest = Hashes.sha256();
        update(digest, manifest.onnxPath(manifestFolder));
        if (manifest.text() != null) {
            update(digest, manifest.tokenizerPath(manifestFolder));
        }
        digest.update(manifest.canonicalPreprocessingJson().getBytes(StandardCharsets.UTF_8));
        return Hashes.hex(digest.digest());
    }

    private static void update(MessageDigest digest, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new QuerentException(ErrorKind.NOT_FOUND, "model file not found: " + file
                    + " (model.json names it: put the file beside model.json, or fix its name there)");
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.NOT_FOUND, "cannot read the model file " + file
                    + " (" + e.getClass().getSimpleName() + "): check its permissions", e);
        }
    }
}
