package org.querent.ui.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.SourceDataLine;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.session.ImportService;
import org.querent.session.QueueService.QueueEntry;
import org.querent.store.LabelDefinition;
import org.querent.ui.settings.UserSettings;
import org.querent.ui.shell.MainWindow;
import org.querent.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real workstation on the audio sample project: opened (scored by its built ONNX model), a clip shown as waveform
 * and spectrogram, played with P (or, on a machine without a sound device, a clear message saying so), seeked
 * with the arrows, and five clips labelled by keyboard, each decoded ahead of time; decisions are read back from
 * the project file.
 */
class AudioLabellingTest {
    static Path home;
    static Path projectFile;
    static MainWindow window;
    static FxTaskRunner tasks;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void launch() throws Exception {
        home = Files.createTempDirectory("querent-audio-ui");
        Path sample = Path.of("sample-projects/speech");
        Path folder = home.resolve("speech");
        copy(sample.resolve("data"), folder.resolve("data"));
        copy(sample.resolve("model"), folder.resolve("model"));
        List<LabelDefinition> labels = new ArrayList<>();
        char key = '1';
        for (String line : Files.readAllLines(sample.resolve("labels.txt"))) {
            int eq = line.indexOf('=');
            labels.add(new LabelDefinition(line.substring(0, eq), line.substring(eq + 1), String.valueOf(key++)));
        }
        projectFile = folder.resolve("speech.querent");
        try (Project project = new ProjectService(Clock.systemUTC()).create(new ProjectService.NewProject(projectFile,
                folder.resolve("data"), folder.resolve("model/model.json").toString(), labels, false,
                sample.resolve("guideline.md")))) {
            new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
        }
        System.setProperty("querent.home", home.toString());
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            tasks = new FxTaskRunner((t, e) -> e.printStackTrace());
            window = new MainWindow(s, tasks, UserSettings.load(home.resolve("settings.properties")));
            s.show();
        });
        FxToolkit.setupFixture(() -> window.openProject(projectFile));
        waitUntil(120, () -> window.workbench() != null && window.workbench().labelModel().currentProperty().get() != null);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.setupStage(s -> window.closeProject());
        tasks.close();
        FxToolkit.cleanupStages();
        System.clearProperty("querent.home");
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static void waitUntil(int seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static long currentId() throws Exception {
        AtomicReference<QueueEntry> current = new AtomicReference<>();
        FxToolkit.setupFixture(() -> current.set(window.workbench().labelModel().currentProperty().get()));
        return current.get().item().id();
    }

    static String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    static AudioClipView clipView() {
        return robot.lookup("#item-audio").queryAs(AudioClipView.class);
    }

    /** Asked of javax.sound directly, not of the code under test. */
    static boolean soundDeviceAvailable() {
        for (float rate : new float[] {8000f, 48_000f, 44_100f}) {
            if (AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class, new AudioFormat(rate, 16, 1, true, false)))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aClipIsShownPlayedSeekedAndFiveAreLabelledByKeyboard() throws Exception {
        assertTrue(clipView().isVisible());
        assertFalse(robot.lookup("#item-text").query().isVisible(), "a clip is not shown as text");
        waitUntil(10, () -> text("#audio-facts").contains("8000 Hz, mono, PCM 16-bit"));
        assertTrue(robot.lookup("#item-title").queryLabeled().getText().endsWith(".wav"));

        robot.type(KeyCode.P);
        if (soundDeviceAvailable()) {
            waitUntil(5, () -> clipView().seconds() > 0.05);
            robot.type(KeyCode.P);
            waitUntil(2, () -> !clipView().playing());
            assertTrue(text("#audio-playback").startsWith("paused at"), text("#audio-playback"));
        } else {
            waitUntil(5, () -> text("#audio-playback").startsWith("No audio device"));
            assertFalse(clipView().playing());
            System.out.println("no sound device here: checked the message path (" + text("#audio-playback") + ")");
        }
        FxToolkit.setupFixture(() -> clipView().seekBy(-10)); // back to the start whatever played
        robot.type(KeyCode.RIGHT);
        waitUntil(2, () -> clipView().seconds() > 0.5);
        double afterSeek = clipView().seconds();
        assertTrue(afterSeek <= 1.0 + 1e-9, "one second forward, or the clip's end: " + afterSeek);
        FxToolkit.setupFixture(() -> {
            clipView().stop();
            clipView().seekBy(-10);
            clipView().seekBy(0.3); // inside every clip: a plain toggle would stay here, a replay starts over
        });
        assertEquals(0.3, clipView().seconds(), 0.01);
        robot.press(KeyCode.SHIFT).type(KeyCode.P).release(KeyCode.SHIFT);
        waitUntil(2, () -> clipView().seconds() == 0); // replay starts from the beginning
        FxToolkit.setupFixture(() -> clipView().stop());
        robot.type(KeyCode.RIGHT);
        waitUntil(2, () -> clipView().seconds() > 0.5);
        robot.type(KeyCode.LEFT);
        waitUntil(2, () -> clipView().seconds() == 0);

        List<String> facts = new CopyOnWriteArrayList<>();
        FxToolkit.setupFixture(() -> robot.lookup("#audio-facts").queryAs(Label.class).textProperty()
                .addListener((o, a, b) -> facts.add(b)));
        List<Long> labelled = new ArrayList<>();
        KeyCode[] keys = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5};
        for (KeyCode key : keys) {
            long before = currentId();
            labelled.add(before);
            robot.type(key);
            waitUntil(10, () -> currentId() != before);
        }
        waitUntil(5, () -> text("#audio-facts").contains("Hz"));
        assertTrue(facts.stream().noneMatch(f -> f.startsWith("decoding")),
                "every next clip was decoded ahead, none waited: " + facts);

        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + projectFile + "?open_mode=1");
             ResultSet rs = c.createStatement().executeQuery("SELECT item_id, labels FROM decision WHERE kind = 'label' ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getString(2));
            }
        }
        String[] expected = {"english", "french", "italian", "russian", "spanish"};
        assertEquals(5, rows.size(), rows.toString());
        for (int i = 0; i < 5; i++) {
            assertEquals(labelled.get(i) + " [\"" + expected[i] + "\"]", rows.get(i));
        }
    }
}
