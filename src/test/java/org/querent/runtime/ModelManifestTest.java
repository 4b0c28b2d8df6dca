package org.querent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;
import org.querent.runtime.ModelManifest.Layout;
import org.querent.runtime.ModelManifest.Pooling;

class ModelManifestTest {
    private static final String TEXT = """
            { "name": "all-MiniLM-L6-v2 (int8)", "onnx": "model.onnx", "input": "text",
              "text": { "tokenizer": "tokenizer.json", "maxTokens": 128 },
              "embedding": { "output": "last_hidden_state", "pooling": "mean", "normalize": true } }
            """;
    private static final String IMAGE = """
            { "name": "cnn", "onnx": "cnn.onnx", "input": "image",
              "image": { "width": 224, "height": 224, "channels": 3, "layout": "NCHW", "scale": 255.0,
                         "mean": [0.485,0.456,0.406], "std": [0.229,0.224,0.225] },
              "embedding": { "output": "features", "pooling": "none", "normalize": true },
              "classes": { "output": "logits", "activation": "softmax", "labels": ["cat","dog"] } }
            """;

    @TempDir
    Path dir;

    private static String failure(String json) {
        QuerentException e = assertThrows(QuerentException.class, () -> ModelManifest.parse(json, "model.json"));
        assertEquals(ErrorKind.MODEL, e.kind());
        return e.getMessage();
    }

    @Test
    void readsTheDocumentedTextExample() {
        ModelManifest m = ModelManifest.parse(TEXT, "model.json");
        assertEquals(ModelManifest.InputKind.TEXT, m.input());
        assertEquals(128, m.text().maxTokens());
        assertEquals(Pooling.MEAN, m.embedding().pooling());
        assertNull(m.classes());
        assertEquals(dir.resolve("tokenizer.json"), m.tokenizerPath(dir));
    }

    @Test
    void readsTheDocumentedImageExample() {
        ModelManifest m = ModelManifest.parse(IMAGE, "model.json");
        assertEquals(Layout.NCHW, m.image().layout());
        assertEquals(List.of(0.229, 0.224, 0.225), m.image().std());
        assertEquals(List.of("cat", "dog"), m.classLabels());
        assertEquals(dir.resolve("cnn.onnx"), m.onnxPath(dir));
    }

    @Test
    void unknownTopLevelKeyIsNamedWithTheAllowedKeys() {
        String message = failure(TEXT.replace("\"input\"", "\"normalise\": true, \"input\""));
        assertTrue(message.contains("unknown key 'normalise'"), message);
        assertTrue(message.contains("name, onnx, input, text, image, audio, embedding, classes"), message);
    }

    @Test
    void unknownNestedKeyIsNamedByItsPath() {
        String message = failure(TEXT.replace("\"maxTokens\"", "\"maxToken\""));
        assertTrue(message.contains("unknown key 'text.maxToken'"), message);
        assertTrue(message.contains("allowed keys in 'text' are: tokenizer, maxTokens"), message);
    }

    @Test
    void missingRequiredKeysAreNamed() {
        assertTrue(failure(TEXT.replace("\"onnx\": \"model.onnx\",", "")).contains("missing required key 'onnx'"));
        assertTrue(failure(TEXT.replace("\"output\": \"last_hidden_state\",", ""))
                .contains("missing required key 'embedding.output'"));
        assertTrue(failure(IMAGE.replace("\"width\": 224,", "")).contains("missing required key 'image.width'"));
        assertTrue(failure(TEXT.replace("\"text\": { \"tokenizer\": \"tokenizer.json\", \"maxTokens\": 128 },", ""))
                .contains("missing required key 'text'"));
    }

    @Test
    void wrongValuesSayWhatIsAllowed() {
        assertTrue(failure(TEXT.replace("\"mean\"", "\"max\"")).contains("allowed values are: mean, cls, none"));
        assertTrue(failure(IMAGE.replace("[0.485,0.456,0.406]", "[0.5]")).contains("'image.mean' has 1 values but 'image.channels' is 3"));
        assertTrue(failure(TEXT.replace("128", "\"128\"")).contains("'text.maxTokens' must be a positive whole number"));
        assertTrue(failure("{ not json").contains("model.json is not valid JSON"));
        assertTrue(failure(TEXT.replace("\"embedding\"", "\"image\": {}, \"embedding\"")).contains("has an 'image' block"));
    }

    @Test
    void optionalSettingsTakeDocumentedDefaults() {
        ModelManifest m = ModelManifest.parse("""
                { "name": "n", "onnx": "m.onnx", "input": "image", "image": { "width": 28, "height": 28, "channels": 1 },
                  "embedding": { "output": "e" } }""", "model.json");
        assertEquals(Layout.NCHW, m.image().layout());
        assertEquals(255.0, m.image().scale());
        assertEquals(List.of(0.0), m.image().mean());
        assertEquals(Pooling.NONE, m.embedding().pooling());
        assertTrue(m.embedding().normalize());
    }

    @Test
    void writeThenReadGivesTheSameManifest() {
        for (String json : List.of(TEXT, IMAGE)) {
            ModelManifest m = ModelManifest.parse(json, "model.json");
            Path file = dir.resolve("sub/model.json");
            m.write(file);
            assertEquals(m, ModelManifest.read(file));
        }
    }

    @Test
    void canonicalJsonIgnoresNamesButNotPreprocessing() {
        ModelManifest m = ModelManifest.parse(IMAGE, "model.json");
        ModelManifest renamed = ModelManifest.parse(IMAGE.replace("\"cnn\"", "\"my cnn\""), "model.json");
        ModelManifest otherStd = ModelManifest.parse(IMAGE.replace("0.229", "0.3"), "model.json");
        assertEquals(m.canonicalPreprocessingJson(), renamed.canonicalPreprocessingJson());
        assertNotEquals(m.canonicalPreprocessingJson(), otherStd.canonicalPreprocessingJson());
    }

    @Test
    void missingFileIsNotFound() {
        QuerentException e = assertThrows(QuerentException.class, () -> ModelManifest.read(dir.resolve("nope.json")));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
    }
}
