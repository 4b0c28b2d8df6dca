package org.querent.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.querent.common.QuerentException;

/**
 * Opens the model a user named: {@code builtin:minilm}, a {@code model.json}, a folder holding one, or an
 * {@code .onnx} file with a {@code model.json} beside it. Relative paths resolve against a base folder
 * (usually the project's).
 */
public final class ModelLoader {
    private ModelLoader() {
    }

    /** A manifest and where it lives. */
    public record ResolvedModel(String reference, Path manifestFile, ModelManifest manifest) {
        public Path folder() {
            return manifestFile.toAbsolutePath().getParent();
        }

        public Path onnxFile() {
            return manifest.onnxPath(folder());
        }
    }

    /** Opens with {@link RuntimeOptions#defaults()}, or {@link RuntimeOptions#imageDefaults()} for an image model. */
    public static EmbeddingModel open(String reference, Path baseDir) {
        boolean image = resolve(reference, baseDir).manifest().input() == ModelManifest.InputKind.IMAGE;
        return open(reference, baseDir, image ? RuntimeOptions.imageDefaults() : RuntimeOptions.defaults());
    }

    /** Resolves, opens a session, validates the manifest against the model, and returns the model. */
    public static EmbeddingModel open(String reference, Path baseDir, RuntimeOptions options) {
        ResolvedModel resolved = resolve(reference, baseDir);
        ModelManifest manifest = resolved.manifest();
        String hash = ModelHash.of(manifest, resolved.folder());
        OnnxSessions.OpenedSession session = OnnxSessions.open(resolved.onnxFile(), options);
        try {
            ModelSignature signature = ModelInspector.inspect(session.session());
            new ManifestValidator(resolved.manifestFile().getFileName().toString(),
                    resolved.onnxFile().getFileName().toString()).validate(manifest, signature);
            ModelInfo info = new ModelInfo(manifest.name(), reference, hash, manifest.input().name().toLowerCase(Locale.ROOT),
                    knownDimension(manifest, signature), manifest.classLabels(), session.executionProvider());
            if (manifest.input() == ModelManifest.InputKind.AUDIO) {
                return new AudioEmbeddingModel(info, manifest, session, signature);
            }
            // More sessions of a text or image model, so scoring can run that many batches at once (the
            // sessions setting, see RuntimeOptions).
            List<OnnxSessions.OpenedSession> sessions = new ArrayList<>(List.of(session));
            try {
                while (sessions.size() < options.sessions() && OnnxSessions.CPU.equals(session.executionProvider())) {
                    sessions.add(OnnxSessions.open(resolved.onnxFile(), options.withGpu(false)));
                }
                if (manifest.input() == ModelManifest.InputKind.IMAGE) {
                    return new ImageEmbeddingModel(info, manifest, sessions, signature);
                }
                return new TextEmbeddingModel(info, manifest, resolved.folder(), sessions, signature);
            } catch (RuntimeException e) {
                sessions.subList(1, sessions.size()).forEach(OnnxSessions.OpenedSession::close); // the first below
                throw e;
            }
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** The hash {@link ModelInfo#hash()} will have, without opening a session (reads and hashes the files). */
    public static String resolveHash(String reference, Path baseDir) {
        ResolvedModel resolved = resolve(reference, baseDir);
        return ModelHash.of(resolved.manifest(), resolved.folder());
    }

    /** Finds and parses the manifest a reference points at. */
    public static ResolvedModel resolve(String reference, Path baseDir) {
        if (reference == null || reference.isBlank()) {
            throw QuerentException.usage("no model given; use " + BuiltinModels.MINILM + " or a path to model.json");
        }
        if (BuiltinModels.isBuiltin(reference)) {
            Path file = BuiltinModels.manifestFile(reference);
            return new ResolvedModel(reference, file, ModelManifest.read(file));
        }
        Path path = baseDir.resolve(reference).normalize();
        if (Files.isDirectory(path)) {
            path = path.resolve(ModelManifest.FILE_NAME);
        }
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            path = manifestBeside(path);
        }
        if (!Files.isRegularFile(path)) {
            throw QuerentException.notFound("model not found: " + path + " (from '" + reference + "', relative to "
                    + baseDir + ")");
        }
        return new ResolvedModel(reference, path, ModelManifest.read(path));
    }

    private static Path manifestBeside(Path onnxFile) {
        if (!Files.isRegularFile(onnxFile)) {
            throw QuerentException.notFound("ONNX model file not found: " + onnxFile);
        }
        Path manifest = onnxFile.resolveSibling(ModelManifest.FILE_NAME);
        if (!Files.isRegularFile(manifest)) {
            throw QuerentException.model(onnxFile.getFileName() + " has no " + ModelManifest.FILE_NAME + " beside it."
                    + " Write one in " + onnxFile.toAbsolutePath().getParent() + " saying what the model reads and which"
                    + " output is the embedding. The model has" + System.lineSeparator()
                    + ModelInspector.inspect(onnxFile).describe());
        }
        return manifest;
    }

    /** The embedding size from the ONNX shape, or -1 when a dimension is free (the model then probes once). */
    private static int knownDimension(ModelManifest manifest, ModelSignature signature) {
        TensorSpec output = signature.output(manifest.embedding().output()).orElseThrow();
        if (output.rank() < 2) {
            return -1;
        }
        long size = switch (manifest.embedding().pooling()) {
            case CLS -> output.dim(output.rank() - 1);
            case MEAN -> output.rank() == 3 ? output.dim(2) : output.dim(1);
            case NONE -> output.shape().subList(1, output.rank()).stream().reduce(1L, (a, b) -> a <= 0 || b <= 0 ? -1 : a * b);
        };
        return size > 0 && size < Integer.MAX_VALUE ? (int) size : -1;
    }

    static ModelInfo withDimension(ModelInfo info, int dimension) {
        return new ModelInfo(info.name(), info.reference(), info.hash(), info.input(), dimension, info.classLabels(),
                info.executionProvider());
    }
}
