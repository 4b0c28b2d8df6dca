package org.querent.ui.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.querent.common.ItemKind;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.session.LabellingService;
import org.querent.store.Json;
import org.querent.store.LabelDefinition;
import org.querent.store.NewItem;
import org.querent.store.RoundRepository;
import org.querent.ui.browse.TestWorkbench;
import org.querent.ui.common.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "By source" card of Progress on a real project file with two sources: north (20 text files) and south (16 rows
 * of south/notes.csv, column channel: rows 0-7 mail, 8-15 chat). A round drew 10 north items as audit picks with the
 * pre-label cat and one south row with the pre-label dog. Labels: 8 north audit picks cat (accepted), 2 dog
 * (corrected), 2 other north files bird (no pre-label), south row 0 dog (accepted). Worked out by hand:
 * <ul>
 * <li>north: audit 8/10, Wilson 95% [0.490, 0.943]; accepted 8 of 10.</li>
 * <li>south: 1 label where its 16 of 36 items would give 13 × 16/36 = 5.8 (at least 5): fewer than half, so it is
 * under-sampled; no audit label.</li>
 * <li>by channel: (none) 20 items, chat 8, mail 8; mail's expected 2.9 labels is under 5: nothing called out.</li>
 * </ul>
 */
@ExtendWith(ApplicationExtension.class)
class SourceCardTest {
    private TestWorkbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("source-card");
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(data.resolve("north"));
        Files.createDirectories(data.resolve("south"));
        List<String> labels = List.of("cat", "dog", "bird");
        Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"), data,
                "builtin:minilm", labels.stream().map(l -> new LabelDefinition(l, "", null)).toList(), false, null));
        List<NewItem> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String path = String.format("north/n-%02d.txt", i);
            String body = "north note " + i;
            Files.writeString(data.resolve(path), body);
            items.add(new NewItem(path, path, -1, ItemKind.TEXT, "north", body.length(), body.length(), 0, "n" + i, body,
                    null, null));
        }
        StringBuilder csv = new StringBuilder("text,channel\n");
        for (int r = 0; r < 16; r++) {
            String body = "south row " + r;
            csv.append(body).append(',').append(r < 8 ? "mail" : "chat").append('\n');
            items.add(new NewItem("south/notes.csv#" + r, "south/notes.csv", r, ItemKind.TEXT, "south", body.length(),
                    300, 0, "s" + r, body, null, null));
        }
        Files.writeString(data.resolve("south/notes.csv"), csv.toString());
        project.items().upsert(items);

        List<RoundRepository.Entry> entries = new ArrayList<>();
        List<Long> audit = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long id = idOf(project, String.format("north/n-%02d.txt", i));
            entries.add(new RoundRepository.Entry(id, i, 0.5, "cat", 0.7));
            audit.add(id);
        }
        long southRow = idOf(project, "south/notes.csv#0");
        entries.add(new RoundRepository.Entry(southRow, 10, 0.9, "dog", 0.6));
        long round = project.rounds().record("margin", null, "hash", "head", 36, 7, Map.of(), entries);
        Map<String, Object> picks = new LinkedHashMap<>();
        picks.put(Long.toString(round), audit);
        project.meta().put("audit_picks", Json.write(picks)); // the audit index of ADR 8, as a queue writes it

        LabellingService labelling = new LabellingService(project);
        for (int i = 0; i < 10; i++) {
            labelling.label(audit.get(i), List.of(i < 8 ? "cat" : "dog"), "ana");
        }
        labelling.label(idOf(project, "north/n-10.txt"), List.of("bird"), "ana");
        labelling.label(idOf(project, "north/n-11.txt"), List.of("bird"), "ana");
        labelling.label(southRow, List.of("dog"), "ana");

        workbench = new TestWorkbench(project, dir.resolve("settings.properties"));
        workbench.setWindow(stage);
        ProgressView view = new ProgressView(workbench);
        Scene scene = new Scene((javafx.scene.Parent) view.node(), 1100, 800);
        Theme.apply(scene, "light", 100);
        stage.setScene(scene);
        stage.show();
        view.refresh();
    }

    private static long idOf(Project project, String key) {
        return project.items().byKey(key).orElseThrow().id();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    /** The table's rows below the header, each as its cells' texts. */
    private static List<List<String>> rows(FxRobot robot) {
        GridPane grid = robot.lookup("#sources-table").queryAs(GridPane.class);
        List<List<String>> out = new ArrayList<>();
        for (Node n : grid.getChildren()) {
            Integer row = GridPane.getRowIndex(n);
            if (row == null || row == 0) {
                continue;
            }
            while (out.size() < row) {
                out.add(new ArrayList<>());
            }
            out.get(row - 1).add(((Label) n).getText());
        }
        return out;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    @Test
    void showsEachSourcesFiguresAndCallsOutTheUnderSampledOne(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "sources-headline").contains("labelled")
                && robot.lookup("#sources-2-0").tryQuery().isPresent()); // the rows come with the next layout pulse
        assertEquals("2 sources by source folder · 13 labelled · 1 to look at", text(robot, "sources-headline"));
        assertEquals(List.of(
                List.of("north", "20", "12", "cat 8 · dog 2 · bird 2", "80 % [49–94 %] of 10", "8 of 10 (80 %)", ""),
                List.of("south", "16", "1", "cat 0 · dog 1 · bird 0", "—", "1 of 1 (100 %)", "under-sampled")),
                rows(robot));
        assertTrue(robot.lookup("#sources-1-0").queryAs(Label.class).getStyleClass().stream().noneMatch("attention"::equals));
        assertTrue(robot.lookup("#sources-2-0").queryAs(Label.class).getStyleClass().contains("attention"));
        VBox callouts = robot.lookup("#sources-callouts").queryAs(VBox.class);
        List<String> said = callouts.getChildren().stream().map(n -> ((Label) n).getText()).toList();
        assertEquals(List.of("⚠ south is under-sampled: 1 label(s) where its 16 of 36 items would give about 6; "
                + "queue with --max-per-source or label more of it"), said);

        @SuppressWarnings("unchecked")
        ComboBox<String> group = robot.lookup("#sources-group").queryAs(ComboBox.class);
        assertEquals(List.of("source folder", "column text", "column channel"), group.getItems());
        robot.interact(() -> group.setValue("column channel"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "sources-headline").contains("channel"));
        assertEquals("3 sources by segment channel · 13 labelled", text(robot, "sources-headline"));
        List<List<String>> byChannel = rows(robot);
        assertEquals(List.of("(none)", "20", "12"), byChannel.get(0).subList(0, 3));
        assertEquals(List.of("chat", "8", "0"), byChannel.get(1).subList(0, 3));
        assertEquals(List.of("mail", "8", "1"), byChannel.get(2).subList(0, 3));
        assertTrue(callouts.getChildren().isEmpty(), "mail's shortfall is under 5 expected labels: noise");
        assertTrue(workbench.errors.isEmpty(), workbench.errors.toString());
    }
}
