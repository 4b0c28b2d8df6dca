package org.querent.session.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;
import org.querent.runtime.ModelInspector;
import org.querent.runtime.ManifestValidator;
import org.querent.runtime.ModelManifest;
import org.querent.runtime.ModelSignature;
import org.querent.session.ModelCheck;

/**
 * Reads what the model page shows about a chosen file: for an {@code .onnx}, its signature and the model.json
 * beside it if any; for a {@code model.json}, the manifest and the signature of the ONNX file it names.
 * Opens ONNX Runtime, so it runs on a background lane.
 */
public final class ModelFiles {

    public ModelInspection inspect(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            throw QuerentException.notFound("No file at " + file + ".");
        }
        if (name.endsWith(".json")) {
            ModelManifest manifest = ModelManifest.read(file);
            Path onnx = manifest.onnxPath(file.toAbsolutePath().getParent());
            if (!Files.isRegularFile(onnx)) {
                throw QuerentException.notFound(file.getFileName() + " names the ONNX file " + onnx
                        + ", which does not exist.");
            }
            return new ModelInspection(onnx, file, manifest, ModelInspector.inspect(onnx), siblings(onnx),
                    loadProblem(file));
        }
        if (!name.endsWith(".onnx")) {
            throw QuerentException.usage("Choose an .onnx model file or its model.json.");
        }
        Path beside = file.resolveSibling(ModelManifest.FILE_NAME);
        ModelManifest existing = Files.isRegularFile(beside) ? ModelManifest.read(beside) : null;
        if (existing != null && !existing.onnxPath(file.toAbsolutePath().getParent()).getFileName()
                .equals(file.getFileName())) {
            throw QuerentException.model("The " + ModelManifest.FILE_NAME + " beside " + file.getFileName()
                    + " describes " + existing.onnx() + ": choose that model.json instead, or another folder.");
        }
        return new ModelInspection(file, beside, existing, ModelInspector.inspect(file), siblings(file),
                existing == null ? null : loadProblem(beside));
    }

    /**
     * Why a manifest does not fit the ONNX file's signature (the check {@code init} makes), or null when it fits.
     *
     * @param manifestName and {@code onnxName}: the file names the message speaks of
     */
    public static String manifestProblem(String manifestName, String onnxName, ModelManifest manifest,
                                         ModelSignature signature) {
        try {
            new ManifestValidator(manifestName, onnxName).validate(manifest, signature);
            return null;
        } catch (QuerentException e) {
            return e.getMessage();
        }
    }

    /** The check {@code init} makes: the model opens with every file its manifest names (ONNX, tokenizer). */
    private static String loadProblem(Path manifest) {
        return ModelCheck.loadProblem(manifest.toAbsolutePath().toString(), manifest.toAbsolutePath().getParent());
    }

    private static Set<String> siblings(Path file) {
        try (Stream<Path> list = Files.list(file.toAbsolutePath().getParent())) {
            return list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.NOT_FOUND, "Cannot list the folder of " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
