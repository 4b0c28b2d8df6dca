package org.querent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;
import org.querent.runtime.ModelManifest.ClassesSpec;
import org.querent.runtime.ModelManifest.ImageSpec;
import org.querent.runtime.ModelManifest.Layout;

class ManifestValidatorTest {
    @TempDir
    Path dir;
    private ModelManifest manifest;
    private ModelSignature signature;

    @BeforeEach
    void tinyGreyClassifier() {
        Path file = TinyModels.imageClassifier(dir, 28, 28, 1, Layout.NCHW);
        manifest = ModelManifest.read(file);
        signature = ModelInspector.inspect(dir.resolve("model.onnx"));
    }

    private String failure(ModelManifest m) {
        QuerentException e = assertThrows(QuerentException.class,
                () -> new ManifestValidator("model.json", "model.onnx").validate(m, signature));
        assertEquals(ErrorKind.MODEL, e.kind());
        return e.getMessage();
    }

    private ModelManifest withImage(ImageSpec image) {
        return new ModelManifest(manifest.name(), manifest.onnx(), manifest.input(), null, image, manifest.embedding(),
                manifest.classes());
    }

    @Test
    void inspectorDescribesInputsAndOutputs() {
        assertEquals(List.of(new TensorSpec("pixels", "float", List.of(-1L, 1L, 28L, 28L))), signature.inputs());
        assertEquals(List.of(-1L, 2L), signature.output("logits").orElseThrow().shape());
        assertTrue(signature.describe().contains("pixels float [-1, 1, 28, 28]"), signature.describe());
    }

    @Test
    void matchingManifestPasses() {
        new ManifestValidator("model.json", "model.onnx").validate(manifest, signature);
    }

    @Test
    void imageShapeMismatchNamesBothSides() {
        ImageSpec rgb224 = new ImageSpec(224, 224, 3, Layout.NCHW, 255, List.of(0.5, 0.5, 0.5), List.of(0.2, 0.2, 0.2));
        assertEquals("model.json says image 3x224x224 (NCHW) but model.onnx input 'pixels' is [-1, 1, 28, 28]",
                failure(withImage(rgb224)));
    }

    @Test
    void layoutMismatchIsCaught() {
        ImageSpec nhwc = new ImageSpec(28, 28, 1, Layout.NHWC, 255, List.of(0.0), List.of(1.0));
        assertEquals("model.json says image 1x28x28 (NHWC) but model.onnx input 'pixels' is [-1, 1, 28, 28]",
                failure(withImage(nhwc)));
    }

    @Test
    void missingOutputNamesTheAvailableOnes() {
        ModelManifest wrong = new ModelManifest(manifest.name(), manifest.onnx(), manifest.input(), null, manifest.image(),
                new ModelManifest.EmbeddingSpec("features", ModelManifest.Pooling.NONE, true), null);
        String message = failure(wrong);
        assertTrue(message.startsWith("model.json says embedding output 'features' but model.onnx has outputs: "), message);
        assertTrue(message.contains("embedding") && message.contains("logits"), message);
    }

    @Test
    void labelCountMustMatchClassOutputWidth() {
        ModelManifest three = new ModelManifest(manifest.name(), manifest.onnx(), manifest.input(), null, manifest.image(),
                manifest.embedding(), new ClassesSpec("logits", ModelManifest.Activation.SOFTMAX, List.of("a", "b", "c")));
        assertEquals("model.json lists 3 labels [a, b, c] but model.onnx output 'logits' is [-1, 2]", failure(three));
    }

    @Test
    void textManifestOnAnImageModelSaysWhichInputIsMissing() {
        ModelManifest text = new ModelManifest("t", "model.onnx", ModelManifest.InputKind.TEXT,
                new ModelManifest.TextSpec("tokenizer.json", 128), null, manifest.embedding(), null);
        assertEquals("model.json says the model reads text, but model.onnx has no 'input_ids' input (its inputs are: pixels)",
                failure(text));
    }

    @Test
    void loaderRejectsTheMismatchBeforeAnyItemRuns() throws Exception {
        Path file = dir.resolve("model.json");
        Files.writeString(file, Files.readString(file).replace("\"width\" : 28", "\"width\" : 32"));
        QuerentException e = assertThrows(QuerentException.class, () -> ModelLoader.open(file.toString(), dir));
        assertTrue(e.getMessage().contains("1x28x32 (NCHW)") && e.getMessage().contains("[-1, 1, 28, 28]"), e.getMessage());
    }
}
