package org.querent.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.querent.TestData;
import org.querent.ui.settings.UserSettings;
import org.querent.ui.shell.MainWindow;
import org.querent.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Models and labels in and out, in the real workstation on a real project whose gate held a candidate (GateProject):
 * Progress shows the gate's figures and why v3 was not promoted; a lead promotes it and rolls back from the Model menu,
 * recorded with the figures; a CSV with an unknown path is previewed (the line named, nothing written), then imported
 * leaving that row out; labels go out in every format, and the command line's import-labels reads each back into a
 * fresh project; the model goes out as one ONNX file; a write that cannot happen says so and the window stays open.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InterchangeWorkstationTest {
    static GateProject gate;
    static UserSettings settings;
    static MainWindow window;
    static FxTaskRunner tasks;
    static final FxRobot robot = new FxRobot();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void openTheProject() throws Exception {
        Path dir = Files.createTempDirectory("querent-interchange-ui");
        System.setProperty("querent.home", dir.resolve("home").toString());
        gate = GateProject.build(dir);
        settings = UserSettings.load(dir.resolve("settings.properties"));
        settings.setAnnotator("lena");
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            tasks = new FxTaskRunner((t, e) -> e.printStackTrace());
            window = new MainWindow(s, tasks, settings);
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        FxToolkit.setupStage(s -> window.openProject(gate.file));
        waitUntil(120, () -> window.workbench() != null && window.workbench().labelModel().currentProperty().get() != null);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.setupStage(s -> {
            robot.listTargetWindows().stream().filter(w -> w != s && w instanceof javafx.stage.Stage)
                    .forEach(w -> ((javafx.stage.Stage) w).close());
            window.closeProject();
        });
        tasks.close();
        FxToolkit.cleanupStages();
        System.clearProperty("querent.home");
    }

    static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T> T fx(Callable<T> read) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        FxToolkit.setupFixture(() -> {
            try {
                out.set(read.call());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return out.get();
    }

    static String text(String id) throws Exception {
        return fx(() -> robot.lookup("#" + id).queryAs(Label.class).getText());
    }

    static List<String> query(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gate.file + "?open_mode=1");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    static void shortcut(KeyCode key) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(key).release(KeyCode.SHIFT, KeyCode.CONTROL);
    }

    /** Types into a field of a job window (a click gives that window the keyboard under Monocle). */
    static void typeInto(String id, String text) throws Exception {
        robot.clickOn("#" + id);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).type(KeyCode.BACK_SPACE);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void closeWindow(String id) throws Exception {
        robot.clickOn("#" + id + "-close");
        waitUntil(10, () -> robot.lookup("#" + id + "-dialog").tryQuery().isEmpty());
    }

    @Test
    @Order(1)
    void progressShowsTheGateFiguresAndWhyTheCandidateWasHeld() throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        waitUntil(60, () -> text("gate-headline").contains("v2 in use · v3 is a candidate"));
        assertTrue(text("gate-why").contains("Why it was not promoted: v3 is worse than v2 beyond the noise"),
                text("gate-why"));
        assertTrue(text("gate-eval-set").startsWith("Evaluation set: 120 items, 120 labelled"), text("gate-eval-set"));
        assertTrue(text("gate-compared").startsWith("v3 against v2 on 120 evaluation items (held by gate)"),
                text("gate-compared"));
        // the card shows the stored figures of the hold, candidate beside the version in use
        JsonNode figures = JSON.readTree(query("SELECT figures FROM promotion WHERE action = 'hold'").get(0));
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", figures.get("candidate").get("accuracy").asDouble()),
                text("gate-candidate-1"));
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", figures.get("incumbent").get("accuracy").asDouble()),
                text("gate-incumbent-1"));
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", figures.get("candidate").get("logLoss").asDouble()),
                text("gate-candidate-3"));
        String firstLabel = TestData.emailLabels().get(0);
        JsonNode recall = figures.get("candidate").get("recall").get(firstLabel);
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", recall.asDouble()), text("gate-candidate-4"));
        double[] interval = {figures.get("bootstrap95").get(0).asDouble(), figures.get("bootstrap95").get(1).asDouble()};
        assertTrue(text("gate-interval").contains(String.format(java.util.Locale.ROOT, "95 %% bootstrap interval [%+.3f, %+.3f]",
                interval[0], interval[1])), text("gate-interval"));
        assertTrue(interval[1] < 0, "held because the whole interval is below zero");
        assertTrue(fx(() -> robot.lookup("#gate-history").queryAs(javafx.scene.layout.VBox.class).getChildren().size()) >= 3);
    }

    @Test
    @Order(2)
    void aLeadPromotesTheCandidateAndRollsBackFromTheModelMenu() throws Exception {
        shortcut(KeyCode.P);
        waitUntil(30, () -> text("versions-state").contains("v2 is in use (3 versions). v3 is a candidate the gate held"));
        assertEquals(Integer.valueOf(3), fx(() -> robot.lookup("#versions-choice")
                .queryAs(javafx.scene.control.ChoiceBox.class).getValue()), "the held candidate is offered first");
        typeInto("versions-reason", "look at it on new mail");
        robot.clickOn("#versions-run");
        waitUntil(60, () -> text("versions-message").contains("v3 is in use (was v2); recorded by lena: look at it on new mail"));
        List<String> promoted = query("SELECT version, previous, decided_by, figures FROM promotion WHERE action = 'promote'"
                + " AND decided_by = 'lena'");
        assertEquals(1, promoted.size(), promoted.toString());
        assertTrue(promoted.get(0).startsWith("3|2|lena|"), promoted.get(0));
        JsonNode figures = JSON.readTree(promoted.get(0).substring("3|2|lena|".length()));
        assertEquals(120, figures.get("items").asInt(), "recorded with both versions' figures on the evaluation set");
        assertEquals(3, figures.get("candidateVersion").asInt());
        waitUntil(30, () -> text("gate-headline").equals("v3 in use (the newest)"));
        waitUntil(30, () -> window.workbench().labelModel().currentProperty().get() != null);

        robot.clickOn("#versions-rollback");
        waitUntil(60, () -> text("versions-message").contains("v2 is in use again (was v3)"));
        assertEquals(List.of("2|3|lena"), query("SELECT version, previous, decided_by FROM promotion WHERE action = 'rollback'"));
        closeWindow("versions");
        waitUntil(30, () -> text("gate-headline").contains("v2 in use · v3 is a candidate"));
    }

    @Test
    @Order(3)
    void aCsvWithAnUnknownPathIsPreviewedThenImportedWithoutIt() throws Exception {
        Path csv = gate.dir.resolve("team-labels.csv");
        StringBuilder lines = new StringBuilder("path,label,annotator\n");
        List<String> files = gate.unlabelled.subList(0, 10);
        for (int i = 0; i < files.size(); i++) {
            if (i == 5) {
                lines.append("nowhere/missing.txt,").append(TestData.emailLabels().get(0)).append(",kim\n"); // line 7
            }
            lines.append(files.get(i)).append(',').append(gate.truth.get(files.get(i))).append(",kim\n");
        }
        Files.writeString(csv, lines);
        shortcut(KeyCode.I);
        waitUntil(30, () -> robot.lookup("#import-labels-dialog").tryQuery().isPresent());
        typeInto("import-labels-file", csv.toString());
        robot.type(KeyCode.ENTER); // Preview is the default button
        waitUntil(60, () -> !fx(() -> robot.lookup("#import-labels-unmatched").queryAs(ListView.class).getItems().isEmpty()));
        assertEquals(List.of("line 7: no item of the project has path 'nowhere/missing.txt'"),
                fx(() -> new ArrayList<>(robot.lookup("#import-labels-unmatched").queryAs(ListView.class).getItems())));
        String summary = text("import-labels-summary");
        assertTrue(summary.contains("11 rows read as csv; 10 match an item of the project, 1 unmatched, 0 imported before;"
                + " 10 labels would be added"), summary);
        assertEquals(11, (int) fx(() -> robot.lookup("#import-labels-rows").queryAs(TableView.class).getItems().size()),
                "the first rows as parsed");
        assertTrue(fx(() -> robot.lookup("#import-labels-run").queryAs(Button.class).isDisabled()),
                "nothing is imported while a row is unmatched, unless the person leaves it out");
        assertEquals(List.of("0"), query("SELECT count(*) FROM decision WHERE origin = 'import:csv'"), "a preview writes nothing");

        // as predictions: the same rows would become an external model's pre-labels (previewed again, not imported)
        robot.clickOn("#import-labels-as-predictions");
        assertTrue(fx(() -> robot.lookup("#import-labels-rows").queryAs(TableView.class).getItems().isEmpty()),
                "another choice needs another preview");
        robot.clickOn("#import-labels-preview");
        waitUntil(60, () -> text("import-labels-summary").contains("10 pre-labels would be added"));
        robot.clickOn("#import-labels-as-predictions");
        robot.clickOn("#import-labels-preview");
        waitUntil(60, () -> text("import-labels-summary").contains("10 labels would be added"));

        robot.clickOn("#import-labels-skip-unmatched");
        assertFalse(fx(() -> robot.lookup("#import-labels-run").queryAs(Button.class).isDisabled()));
        robot.clickOn("#import-labels-run");
        waitUntil(60, () -> text("import-labels-message").contains("10 labels and 0 pre-labels added, 0 imported before,"
                + " 1 unmatched rows left out"));
        List<String> imported = query("SELECT annotator, count(*) FROM decision WHERE origin = 'import:csv' GROUP BY annotator");
        assertEquals(List.of("kim|10"), imported);
        closeWindow("import-labels");
    }

    @Test
    @Order(4)
    void labelsGoOutInEveryFormatAndTheCommandLineReadsThemBack() throws Exception {
        int labelled = Integer.parseInt(query("SELECT count(DISTINCT item_id) FROM decision WHERE kind = 'label'").get(0));
        shortcut(KeyCode.E);
        waitUntil(30, () -> robot.lookup("#export-labels-dialog").tryQuery().isPresent());
        List<String[]> formats = List.of(new String[] {"csv", "out.csv"}, new String[] {"jsonl", "out.jsonl"},
                new String[] {"prodigy", "out.prodigy.jsonl"}, new String[] {"label-studio", "out.label-studio.json"},
                new String[] {"audit", "out.audit.csv"});
        for (String[] f : formats) {
            robot.clickOn("#format-" + f[0]);
            if (f[0].equals("prodigy")) {
                robot.clickOn("#export-labels-with-text");
            }
            typeInto("export-labels-file", gate.dir.resolve(f[1]).toString());
            robot.clickOn("#export-labels-run");
            waitUntil(60, () -> text("export-labels-message").startsWith("Wrote") && text("export-labels-message")
                    .contains(f[1]));
            assertTrue(Files.size(gate.dir.resolve(f[1])) > 0, f[1]);
        }
        assertTrue(text("export-labels-message").contains("decision events"), "the audit trail lists events");
        assertTrue(Files.exists(gate.dir.resolve("out.label-studio.json.label-config.xml")));

        // a file that cannot be written: said in the window, which stays open with its choices
        Files.writeString(gate.dir.resolve("blocker"), "a file, not a folder");
        robot.clickOn("#format-csv");
        typeInto("export-labels-file", gate.dir.resolve("blocker").resolve("x.csv").toString());
        robot.clickOn("#export-labels-run");
        waitUntil(60, () -> text("export-labels-message").startsWith("Nothing was exported: cannot write"));
        assertTrue(fx(() -> robot.lookup("#export-labels-message").queryAs(Label.class).getStyleClass().contains("error-text")));
        closeWindow("export-labels");

        for (String[] f : formats.subList(0, 4)) {
            Path fresh = gate.dir.resolve("fresh-" + f[0] + ".querent");
            GateProject.ok("init", fresh.toString(), "--data", gate.data.toString(), "--labels",
                    String.join(",", TestData.emailLabels()));
            GateProject.ok("import", fresh.toString());
            String out = GateProject.ok("import-labels", fresh.toString(), gate.dir.resolve(f[1]).toString());
            assertTrue(out.contains(labelled + " labels and 0 predictions added; 0 imported before"), f[0] + ": " + out);
        }
    }

    @Test
    @Order(5)
    void theModelGoesOutAsOneOnnxFileCheckedWithOnnxRuntime() throws Exception {
        shortcut(KeyCode.M);
        waitUntil(30, () -> robot.lookup("#export-model-dialog").tryQuery().isPresent());
        Path out = gate.dir.resolve("exported-model");
        typeInto("export-model-folder", out.toString());
        robot.clickOn("#export-model-run");
        waitUntil(120, () -> text("export-model-message").contains("Checked with ONNX Runtime on 20 scored items"));
        String message = text("export-model-message");
        assertTrue(message.contains("model v2"), "the version in use, not the held candidate: " + message);
        assertTrue(Files.size(out.resolve("model.onnx")) > 1_000_000);
        assertTrue(Files.exists(out.resolve("model.json")) && Files.exists(out.resolve("tokenizer.json")));
        // an empty folder field is refused with what to do
        typeInto("export-model-folder", "");
        robot.clickOn("#export-model-run");
        waitUntil(10, () -> text("export-model-message").contains("choose a folder first"));
        closeWindow("export-model");
    }
}
