package org.querent.ui.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.audio.TestAudio;
import org.querent.runtime.EmbeddingModel;
import org.querent.runtime.ModelInput;
import org.querent.runtime.ModelLoader;
import org.querent.runtime.ModelManifest;
import org.querent.runtime.ModelManifest.AudioForm;
import org.querent.runtime.ModelManifest.InputKind;
import org.querent.runtime.OnnxGraphBuilder;
import org.querent.session.setup.ModelFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard's model.json form for an audio model, typed by keyboard: a real ONNX file that reads [N, 1, 8000]
 * samples and returns their mean. The form recognises a waveform input, checks each audio field as it is typed and
 * the whole against the file's signature, and what it builds reads back through model.json and runs in ONNX Runtime.
 */
@ExtendWith(ApplicationExtension.class)
class AudioManifestFormTest {
    @TempDir
    static Path dir;
    private final ManifestFormModel form = new ManifestFormModel();

    @Start
    void start(Stage stage) {
        ScrollPane page = new ScrollPane(new ManifestFormView(form).node());
        stage.setScene(new Scene(page, 900, 800));
        stage.show();
    }

    private static void retype(FxRobot robot, String id, String text) {
        robot.clickOn("#" + id);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String error(FxRobot robot, String fieldId) {
        return robot.lookup("#error-" + fieldId).queryAs(Label.class).getText();
    }

    @Test
    void anAudioModelsFieldsAreCheckedAsTypedAndAgainstTheOnnxFile(FxRobot robot) throws Exception {
        Path onnx = dir.resolve("clip-mean.onnx");
        new OnnxGraphBuilder("mean-over-time")
                .input("x", DataType.FLOAT, -1, 1, 8000)
                .output("embedding", DataType.FLOAT, -1, 1)
                .node("ReduceMean", new String[] {"x"}, new String[] {"embedding"}, "axes", new long[] {2}, "keepdims", 0L)
                .write(onnx);
        var inspection = new ModelFiles().inspect(onnx); // ONNX Runtime, off the FX thread
        robot.interact(() -> form.prefill(inspection));

        assertEquals(InputKind.AUDIO, form.inputKindProperty().get(), "one float input of rank 3 is a clip");
        assertEquals(AudioForm.WAVEFORM, form.audioFormProperty().get());
        assertEquals("1", form.audioChannelsProperty().get());
        assertEquals("0.5", form.clipSecondsProperty().get(), "8000 samples at the default 16000 Hz");
        assertTrue(robot.lookup("#manifest-sample-rate").queryAs(TextField.class).isVisible());
        assertFalse(robot.lookup("#manifest-width").queryAs(TextField.class).isVisible(), "image rows are hidden");
        assertFalse(robot.lookup("#manifest-mel-bins").queryAs(TextField.class).isVisible(), "log-mel rows too");
        assertTrue(form.validProperty().get(), () -> String.valueOf(form.signatureErrorProperty().get()));

        retype(robot, "manifest-sample-rate", "500");
        assertEquals("Samples per second, 1000 to 384000, e.g. 16000.", error(robot, "manifest-sample-rate"));
        assertFalse(form.validProperty().get());

        retype(robot, "manifest-sample-rate", "8000");
        assertNull(form.errorProperty(ManifestField.SAMPLE_RATE).get());
        String mismatch = robot.lookup("#manifest-signature-error").queryAs(Label.class).getText();
        assertTrue(mismatch.contains("0.5 s at 8000 Hz, i.e. 4000 samples") && mismatch.contains("[-1, 1, 8000]"),
                mismatch);
        assertFalse(form.validProperty().get());

        retype(robot, "manifest-clip-seconds", "0");
        assertEquals("Seconds above 0, e.g. 10.", error(robot, "manifest-clip-seconds"));
        retype(robot, "manifest-clip-seconds", "1");
        assertTrue(form.validProperty().get(), () -> String.valueOf(form.signatureErrorProperty().get()));

        @SuppressWarnings("unchecked")
        ChoiceBox<AudioForm> fedAs = robot.lookup("#manifest-audio-form").queryAs(ChoiceBox.class);
        robot.interact(() -> fedAs.setValue(AudioForm.LOG_MEL));
        assertTrue(robot.lookup("#manifest-mel-bins").queryAs(TextField.class).isVisible());
        retype(robot, "manifest-mel-bins", "400");
        assertEquals("A 25 ms window at 8000 Hz has 128 frequency bins: use at most 128 mel bins or a longer window.",
                error(robot, "manifest-mel-bins"));
        retype(robot, "manifest-hop-ms", "-1");
        assertEquals("Milliseconds above 0, e.g. 10.", error(robot, "manifest-hop-ms"));
        robot.interact(() -> fedAs.setValue(AudioForm.WAVEFORM));
        assertNull(form.errorProperty(ManifestField.MEL_BINS).get(), "log-mel fields do not count for a waveform");
        assertTrue(form.validProperty().get());

        robot.clickOn("#manifest-normalize"); // a one-number embedding: keep its value to compare
        // What the form built is what model.json says, and the model runs with it.
        ModelManifest built = form.manifest();
        assertNotNull(built);
        assertFalse(built.embedding().normalize());
        assertEquals(new ModelManifest.AudioSpec(8000, 1, 1.0, ModelManifest.Longer.CENTRE_CROP,
                ModelManifest.Shorter.PAD, AudioForm.WAVEFORM, 64, 25.0, 10.0), built.audio());
        built.write(dir.resolve("model.json"));
        assertEquals(built, ModelManifest.read(dir.resolve("model.json")));
        float[] samples = new float[8000];
        java.util.Arrays.fill(samples, 0.25f);
        Path clip = TestAudio.write(dir.resolve("c.wav"), TestAudio.wav(new float[][] {samples}, 8000, 3, 32));
        try (EmbeddingModel model = ModelLoader.open("model.json", dir)) {
            assertEquals(0.25, model.embed(List.of(ModelInput.audio(clip))).embeddings()[0][0], 1e-3);
        }
        assertTrue(Files.exists(onnx));
    }
}
