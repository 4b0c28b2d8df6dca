package org.querent.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;
import org.querent.runtime.ModelManifest.Layout;

class ModelLoaderTest {
    @TempDir
    Path dir;

    @Test
    void opensByManifestByFolderAndByOnnxFileRelativeToTheBaseDir() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("models/tiny"));
        TinyModels.imageClassifier(folder, 4, 4, 1, Layout.NCHW);
        String hash = ModelLoader.resolveHash("models/tiny/model.json", dir);
        for (String reference : List.of("models/tiny/model.json", "models/tiny", "models/tiny/model.onnx")) {
            try (EmbeddingModel m = ModelLoader.open(reference, dir)) {
                assertEquals(reference, m.info().reference());
                assertEquals(hash, m.info().hash());
                assertEquals(16, m.info().dimension());
                assertEquals("image", m.info().input());
            }
        }
    }

    @Test
    void onnxWithoutManifestExplainsWhatToWriteAndShowsTheSignature() {
        TinyModels.imageClassifier(dir, 4, 4, 1, Layout.NCHW);
        QuerentException e = assertThrows(QuerentException.class, () -> {
            Files.delete(dir.resolve("model.json"));
            ModelLoader.open("model.onnx", dir);
        });
        assertEquals(ErrorKind.MODEL, e.kind());
        assertTrue(e.getMessage().startsWith("model.onnx has no model.json beside it. Write one in " + dir), e.getMessage());
        assertTrue(e.getMessage().contains("inputs: pixels float [-1, 1, 4, 4]"), e.getMessage());
        assertTrue(e.getMessage().contains("logits float [-1, 2]"), e.getMessage());
    }

    @Test
    void missingModelIsNotFound() {
        QuerentException e = assertThrows(QuerentException.class, () -> ModelLoader.open("nowhere/model.json", dir));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }

    @Test
    void unknownBuiltinListsTheKnownOnes() {
        QuerentException e = assertThrows(QuerentException.class, () -> ModelLoader.open("builtin:resnet", dir));
        assertTrue(e.getMessage().contains("builtin:minilm"), e.getMessage());
    }

    @Test
    void hashFollowsPreprocessingNotTheName() throws Exception {
        Path manifest = TinyModels.imageClassifier(dir, 4, 4, 1, Layout.NCHW);
        String original = ModelLoader.resolveHash(manifest.toString(), dir);
        Files.writeString(manifest, Files.readString(manifest).replace("tiny light/dark", "renamed"));
        assertEquals(original, ModelLoader.resolveHash(manifest.toString(), dir));
        Files.writeString(manifest, Files.readString(manifest).replace("\"scale\" : 255.0", "\"scale\" : 1.0"));
        assertNotEquals(original, ModelLoader.resolveHash(manifest.toString(), dir));
    }

    @Test
    void builtinMinilmIsExtractedOnceWithAManifest() throws Exception {
        Path first = BuiltinModels.manifestFile(BuiltinModels.MINILM);
        assertEquals(first, BuiltinModels.manifestFile(BuiltinModels.MINILM));
        ModelManifest manifest = ModelManifest.read(first);
        assertEquals(BuiltinModels.minilmManifest(), manifest);
        assertTrue(Files.size(first.resolveSibling("model.onnx")) > 20_000_000);
    }

    @Test
    void paddedBatchOfAFloatTextModelEqualsOneByOne() throws Exception {
        Path manifest = TinyModels.textEncoder(dir);
        String[] texts = {"short", "a much longer sentence that will certainly be truncated at sixteen tokens by the tokenizer",
            "two words", ""};
        try (EmbeddingModel m = ModelLoader.open(manifest.toString(), dir)) {
            assertEquals(8, m.info().dimension());
            float[][] batched = m.embed(List.of(texts).stream().map(ModelInput::text).toList()).embeddings();
            for (int i = 0; i < texts.length; i++) {
                float[] alone = m.embed(List.of(ModelInput.text(texts[i]))).embeddings()[0];
                assertArrayEquals(alone, batched[i], 1e-6f, "text " + i);
            }
        }
    }

    @Test
    void modelsRejectTheWrongKindOfInput() throws Exception {
        Path manifest = TinyModels.imageClassifier(dir, 4, 4, 1, Layout.NCHW);
        try (EmbeddingModel m = ModelLoader.open(manifest.toString(), dir)) {
            assertEquals(ErrorKind.USAGE, assertThrows(QuerentException.class,
                    () -> m.prepare(List.of(ModelInput.text("hello")))).kind());
        }
    }

    @Test
    void damagedOnnxFileIsAModelErrorNamingTheFile() throws Exception {
        Path manifest = TinyModels.imageClassifier(dir, 4, 4, 1, Layout.NCHW);
        Files.writeString(dir.resolve("model.onnx"), "this is not a protobuf");
        QuerentException e = assertThrows(QuerentException.class, () -> ModelLoader.open(manifest.toString(), dir));
        assertEquals(ErrorKind.MODEL, e.kind());
        assertTrue(e.getMessage().startsWith(dir.resolve("model.onnx") + " is not a valid ONNX model"), e.getMessage());
        assertTrue(e.getMessage().contains("Protobuf parsing failed"), e.getMessage());
        assertFalse(e.getMessage().contains("Error code -"), e.getMessage());
    }

    @Test
    void prepareAndRunOverlapOnTwoThreads() throws Exception {
        Path manifest = TinyModels.textEncoder(dir);
        List<List<ModelInput>> batches = new java.util.ArrayList<>();
        for (int b = 0; b < 20; b++) {
            batches.add(List.of(ModelInput.text("batch " + b + " first"), ModelInput.text("and a longer second text " + b)));
        }
        try (EmbeddingModel m = ModelLoader.open(manifest.toString(), dir)) {
            java.util.concurrent.BlockingQueue<PreparedBatch> queue = new java.util.concurrent.ArrayBlockingQueue<>(2);
            Thread preparer = new Thread(() -> batches.forEach(batch -> {
                try {
                    queue.put(m.prepare(batch));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            preparer.start();
            for (List<ModelInput> batch : batches) {
                float[][] pipelined = m.run(queue.take()).embeddings();
                float[][] direct = m.embed(batch).embeddings();
                for (int i = 0; i < direct.length; i++) {
                    assertArrayEquals(direct[i], pipelined[i], 0f);
                }
            }
            preparer.join();
        }
    }
}
