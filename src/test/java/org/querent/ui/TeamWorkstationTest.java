package org.querent.ui;

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
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.querent.TestData;
import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.session.ImportService;
import org.querent.session.LabellingService;
import org.querent.session.ModelSession;
import org.querent.session.ScoringService;
import org.querent.store.LabelDefinition;
import org.querent.team.PeopleService;
import org.querent.team.Role;
import org.querent.ui.label.LabelViewModel;
import org.querent.ui.settings.UserSettings;
import org.querent.ui.shell.MainWindow;
import org.querent.ui.team.ReviewViewModel;
import org.querent.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 10 in the real workstation, headless, on a real project file scored by the real model with three people
 * (lena lead, ana annotator, rev reviewer) and four labels by ana: choosing who you are, the review queue and the
 * escalation key by keyboard, roles enforced, and a taxonomy rename after which the old labels read under the new
 * name. Every effect is checked in the project file with plain SQL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamWorkstationTest {
    static Path dir;
    static Path file;
    static UserSettings settings;
    static MainWindow window;
    static FxTaskRunner tasks;
    static final FxRobot robot = new FxRobot();
    /** ana's labelled items, oldest first: a fork item (its pre-label corrected), then exmh, ilug, rpm-list. */
    static final List<Long> byAna = new ArrayList<>();
    static long disputed;

    @BeforeAll
    static void teamProject() throws Exception {
        dir = Files.createTempDirectory("querent-team-ui");
        System.setProperty("querent.home", dir.resolve("home").toString());
        Map<String, String> truth = TestData.copyEmails(dir.resolve("data"), 3);
        file = dir.resolve("team.querent");
        List<LabelDefinition> labels = TestData.emailLabels().stream().map(l -> new LabelDefinition(l, "", null)).toList();
        try (Project p = new ProjectService(Clock.systemUTC()).create(new NewProject(file, dir.resolve("data"),
                "builtin:minilm", labels, false, null))) {
            new ImportService(p).run(false, ProgressListener.NONE, Cancellation.none());
            try (ModelSession models = new ModelSession(p)) {
                new ScoringService(p, models).score(8, ProgressListener.NONE, Cancellation.none());
            }
            PeopleService people = new PeopleService(p);
            people.assign("lena", Role.LEAD, "lena", "runs the project");
            people.assign("ana", Role.ANNOTATOR, "lena", "joins");
            people.assign("rev", Role.REVIEWER, "lena", "reviews");
            LabellingService labelling = new LabellingService(p);
            for (String list : List.of("fork", "exmh", "ilug", "rpm-list")) {
                String name = truth.entrySet().stream().filter(e -> e.getValue().equals(list)).findFirst().orElseThrow().getKey();
                long id = labelling.findItem(name).id();
                // The fork item corrected its pre-label; the others accepted theirs.
                labelling.label(id, List.of(list), "ana",
                        new LabellingService.Shown(list.equals("fork") ? "exmh" : list, 0.6, null));
                byAna.add(id);
            }
            // One disagreement for the lead: ana says spamassassin, rev says exmh.
            String spam = truth.entrySet().stream().filter(e -> e.getValue().equals("spamassassin")).findFirst()
                    .orElseThrow().getKey();
            disputed = labelling.findItem(spam).id();
            labelling.label(disputed, List.of("spamassassin"), "ana");
            labelling.label(disputed, List.of("exmh"), "rev");
        }
        settings = UserSettings.load(dir.resolve("settings.properties"));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            tasks = new FxTaskRunner((t, e) -> e.printStackTrace());
            window = new MainWindow(s, tasks, settings);
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.setupStage(s -> window.closeProject());
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

    static LabelViewModel label() {
        return window.workbench().labelModel();
    }

    static long current() throws Exception {
        return fx(() -> label().currentProperty().get().item().id());
    }

    static List<String> query(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file + "?open_mode=1");
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

    @SuppressWarnings("unchecked")
    static List<ReviewViewModel.Row> reviewRows() throws Exception {
        return fx(() -> new ArrayList<>(((TableView<ReviewViewModel.Row>) robot.lookup("#review-queue").query()).getItems()));
    }

    /** Answers a reason dialog by keyboard. */
    static void answer(String id, String text) throws Exception {
        waitUntil(30, () -> robot.lookup("#" + id).tryQuery().isPresent());
        robot.clickOn("#" + id).write(text); // a click gives the dialog's window the keyboard under Monocle
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Chooses a person in the who-is-labelling dialog with the arrow keys and Enter. */
    static void chooseByKeyboard(String name) throws Exception {
        waitUntil(30, () -> robot.lookup("#who-dialog").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ListView<org.querent.store.Person> people = robot.lookup("#people-list").queryAs(ListView.class);
        int target = fx(() -> people.getItems().stream().map(org.querent.store.Person::name).toList().indexOf(name));
        for (int i = 0; i < 5 && fx(() -> people.getSelectionModel().getSelectedIndex()) != target; i++) {
            robot.type(fx(() -> people.getSelectionModel().getSelectedIndex()) > target ? KeyCode.UP : KeyCode.DOWN);
        }
        assertEquals(name, fx(() -> people.getSelectionModel().getSelectedItem().name()));
        robot.type(KeyCode.ENTER);
    }

    @Test
    @Order(1)
    void openingATeamProjectAsksWhoIsLabellingAndTheNameGoesOnTheDecisions() throws Exception {
        FxToolkit.setupStage(s -> window.openProject(file));
        chooseByKeyboard("rev");
        waitUntil(60, () -> window.workbench() != null && label().currentProperty().get() != null
                && label().identityProperty().get() != null);
        assertEquals("Labelling as rev (reviewer)", robot.lookup("#labelling-as").queryAs(Label.class).getText());
        assertEquals("rev", settings.annotator(), "remembered in the user's settings");
        assertEquals("rev", UserSettings.load(dir.resolve("settings.properties")).annotator(), "and saved");

        long item = current();
        robot.type(KeyCode.DIGIT3);
        waitUntil(30, () -> current() != item);
        assertEquals(List.of("rev|[\"ilug\"]"), query("SELECT annotator, labels FROM decision WHERE item_id = " + item));
    }

    @Test
    @Order(2)
    void theReviewQueueByKeyboardApprovesRejectsAndChanges() throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        waitUntil(30, () -> reviewRows().size() == 4);
        assertEquals(List.of(byAna.get(3), byAna.get(2), byAna.get(1), byAna.get(0)),
                reviewRows().stream().map(ReviewViewModel.Row::itemId).toList(), "labels by others, newest first");
        waitUntil(30, () -> !robot.lookup("#review-history").queryAs(ListView.class).getItems().isEmpty());
        String history = fx(() -> robot.lookup("#review-history").queryAs(ListView.class).getItems().toString());
        assertTrue(history.contains("Labelled rpm-list") && history.contains("ana"), history);

        robot.type(KeyCode.A);
        waitUntil(30, () -> reviewRows().size() == 3);
        robot.type(KeyCode.X);
        answer("review-reason", "this is a spam discussion");
        waitUntil(30, () -> reviewRows().size() == 2);
        robot.type(KeyCode.DIGIT6);
        answer("review-reason", "the sender is on the spamassassin list");
        waitUntil(30, () -> reviewRows().size() == 1);

        assertEquals(List.of(byAna.get(3) + "|approve|rev", byAna.get(2) + "|reject|rev", byAna.get(1) + "|change|rev"),
                query("SELECT item_id, verdict, annotator FROM decision WHERE kind = 'review' ORDER BY id"));
        assertEquals(List.of("[\"spamassassin\"]|review"), query("SELECT labels, origin FROM decision WHERE kind = 'label' "
                + "AND annotator = 'rev' AND item_id = " + byAna.get(1)));
        assertEquals(List.of(), query("SELECT item_id FROM current_label WHERE item_id = " + byAna.get(2)),
                "a rejected label stops counting: the item is back in the queue");
    }

    @Test
    @Order(3)
    void theEscalationKeyAsksForAReasonAndTheItemLeavesTheQueue() throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        long item = current();
        robot.type(KeyCode.E);
        answer("escalate-reason", "two lists quoted, which one?");
        waitUntil(30, () -> current() != item);
        assertEquals(List.of("rev|two lists quoted, which one?"),
                query("SELECT annotator, note FROM decision WHERE kind = 'escalate' AND item_id = " + item).subList(0, 1));
        assertTrue(fx(() -> label().upcoming().stream().noneMatch(e -> e.item().id() == item)), "out of the queue");
        waitUntil(30, () -> label().history().get(0).what().equals("escalated: two lists quoted, which one?"));

        // Backspace takes the escalation back like any decision: the item is in front again; then escalate it again.
        robot.type(KeyCode.BACK_SPACE);
        waitUntil(30, () -> current() == item);
        assertEquals(1, query("SELECT id FROM decision WHERE kind = 'undo' AND annotator = 'rev'").size());
        robot.type(KeyCode.E);
        answer("escalate-reason", "two lists quoted, which one?");
        waitUntil(30, () -> current() != item);
    }

    @Test
    @Order(4)
    void aReviewerCannotChangeTheTaxonomyAndIsToldWhy() throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT5).release(KeyCode.CONTROL);
        waitUntil(30, () -> robot.lookup("#taxonomy-refusal").queryAs(Label.class).isVisible());
        String why = robot.lookup("#taxonomy-refusal").queryAs(Label.class).getText();
        assertTrue(why.contains("rev is a reviewer") && why.contains("only a lead may change the taxonomy"), why);
        assertTrue(robot.lookup("#taxonomy-rename").queryAs(Button.class).isDisabled());
    }

    @Test
    @Order(4)
    void aReviewerMayNotPromoteNorImportLabelsAndIsToldWhy() throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.P).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(30, () -> !robot.lookup("#versions-refusal").queryAs(Label.class).getText().isEmpty());
        String why = robot.lookup("#versions-refusal").queryAs(Label.class).getText();
        assertTrue(why.contains("rev is a reviewer: only a lead may promote or roll back model versions"), why);
        assertTrue(robot.lookup("#versions-run").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#versions-rollback").queryAs(Button.class).isDisabled());
        robot.clickOn("#versions-close");
        waitUntil(10, () -> robot.lookup("#versions-dialog").tryQuery().isEmpty());

        Path csv = dir.resolve("rev.csv");
        String someFile = query("SELECT path FROM item WHERE id NOT IN (SELECT item_id FROM decision) LIMIT 1").get(0);
        Files.writeString(csv, "path,label\n" + someFile + ",exmh\n");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.I).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(30, () -> robot.lookup("#import-labels-dialog").tryQuery().isPresent());
        robot.clickOn("#import-labels-file").write(csv.toString());
        robot.clickOn("#import-labels-preview");
        waitUntil(60, () -> !robot.lookup("#import-labels-refusal").queryAs(Label.class).getText().isEmpty());
        assertTrue(robot.lookup("#import-labels-refusal").queryAs(Label.class).getText()
                .contains("only a lead may import labels or predictions from another tool's file"));
        assertTrue(robot.lookup("#import-labels-summary").queryAs(Label.class).getText().contains("1 labels would be added"),
                "the preview still shows what the file holds");
        assertTrue(robot.lookup("#import-labels-run").queryAs(Button.class).isDisabled());
        robot.clickOn("#import-labels-close");
        waitUntil(10, () -> robot.lookup("#import-labels-dialog").tryQuery().isEmpty());
        assertEquals(List.of("0"), query("SELECT count(*) FROM decision WHERE origin LIKE 'import:%'"));
    }

    @Test
    @Order(5)
    void aLeadRenamesALabelAndTheOldLabelsReadUnderTheNewName() throws Exception {
        robot.clickOn("#change-person");
        chooseByKeyboard("lena");
        waitUntil(60, () -> label().annotator().equals("lena") && label().identityProperty().get() != null
                && label().currentProperty().get() != null);
        long lenas = current();
        robot.type(KeyCode.DIGIT2); // fork, before the rename
        waitUntil(30, () -> current() != lenas && !label().history().isEmpty()
                && label().history().get(0).itemId() == lenas);
        assertTrue(fx(() -> label().history().get(0).what()).startsWith("fork"));
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT5).release(KeyCode.CONTROL);
        @SuppressWarnings("unchecked")
        TableView<Object> labels = robot.lookup("#taxonomy-labels").queryAs(TableView.class);
        waitUntil(30, () -> labels.getItems().size() == 6 && !robot.lookup("#taxonomy-rename").queryAs(Button.class).isDisabled());
        FxToolkit.setupFixture(() -> labels.getSelectionModel().select(1)); // fork
        robot.clickOn("#taxonomy-rename");
        waitUntil(30, () -> robot.lookup("#taxonomy-value").tryQuery().isPresent());
        robot.doubleClickOn("#taxonomy-value").eraseText(4).write("fork-list");
        robot.clickOn("#taxonomy-reason").write("the list is called fork-list");
        robot.clickOn("#taxonomy-publish");
        waitUntil(30, () -> query("SELECT version FROM taxonomy_version").size() == 2);

        assertEquals(List.of("[\"fork\"]"), query("SELECT labels FROM decision WHERE item_id = " + byAna.get(0)),
                "the decision is kept as given");
        assertEquals(List.of("[\"fork-list\"]"), query("SELECT labels FROM current_label WHERE item_id = " + byAna.get(0)));
        waitUntil(30, () -> fx(() -> label().taxonomy().stream().anyMatch(l -> l.name().equals("fork-list"))));
        assertEquals("2", fx(() -> label().keyTable().keyOf("fork-list")), "the renamed label keeps its key");
        waitUntil(30, () -> label().history().get(0).what().startsWith("fork-list"));
        assertEquals(List.of("[\"fork\"]"), query("SELECT labels FROM decision WHERE kind = 'label' AND annotator = 'lena' AND item_id = " + lenas));

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        waitUntil(30, () -> reviewRows().stream().anyMatch(r -> r.itemId() == byAna.get(0)));
        ReviewViewModel.Row old = reviewRows().stream().filter(r -> r.itemId() == byAna.get(0)).findFirst().orElseThrow();
        assertEquals("fork-list", old.labels(), "ana's old label shows under the new name");
        assertFalse(reviewRows().stream().anyMatch(r -> r.labels().contains("fork") && !r.labels().contains("fork-list")));
    }

    @Test
    @Order(6)
    void aLeadResolvesTheEscalationAndAdjudicatesADisagreementByKeyboard() throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<String> mode = robot.lookup("#review-mode").queryAs(ComboBox.class);
        FxToolkit.setupFixture(() -> mode.getSelectionModel().select(1));
        waitUntil(30, () -> reviewRows().size() == 1 && reviewRows().get(0).escalated());
        long item = reviewRows().get(0).itemId();
        FxToolkit.setupFixture(() -> robot.lookup("#review-queue").query().requestFocus());
        robot.type(KeyCode.DIGIT1);
        answer("review-reason", "exmh: the question is about the mail reader");
        waitUntil(30, () -> reviewRows().isEmpty());
        assertEquals(List.of("lena|[\"exmh\"]|escalation"),
                query("SELECT annotator, labels, origin FROM decision WHERE kind = 'label' AND item_id = " + item));

        FxToolkit.setupFixture(() -> mode.getSelectionModel().select(2));
        waitUntil(30, () -> reviewRows().size() == 1 && reviewRows().get(0).itemId() == disputed);
        assertTrue(reviewRows().get(0).note().contains("ana: spamassassin") && reviewRows().get(0).note().contains("rev: exmh"),
                reviewRows().get(0).note());
        FxToolkit.setupFixture(() -> robot.lookup("#review-queue").query().requestFocus());
        robot.type(KeyCode.DIGIT6);
        answer("review-reason", "a spam report, so spamassassin");
        waitUntil(30, () -> reviewRows().isEmpty());
        assertEquals(List.of("lena|[\"spamassassin\"]|adjudication"), query("SELECT annotator, labels, origin FROM decision "
                + "WHERE kind = 'label' AND annotator = 'lena' AND item_id = " + disputed));
    }

    @Test
    @Order(7)
    void theQueueFiltersByAnnotatorAndByCorrectedPreLabels() throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<String> mode = robot.lookup("#review-mode").queryAs(ComboBox.class);
        FxToolkit.setupFixture(() -> mode.getSelectionModel().select(0));
        waitUntil(30, () -> reviewRows().size() >= 2 && !reviewRows().get(0).escalated());
        assertTrue(reviewRows().stream().map(ReviewViewModel.Row::by).distinct().count() >= 2, reviewRows().toString());
        @SuppressWarnings("unchecked")
        ComboBox<String> by = robot.lookup("#review-annotator").queryAs(ComboBox.class);
        waitUntil(30, () -> by.getItems().contains("rev"));
        FxToolkit.setupFixture(() -> by.setValue("rev"));
        waitUntil(30, () -> !reviewRows().isEmpty() && reviewRows().stream().allMatch(r -> r.by().equals("rev")));
        FxToolkit.setupFixture(() -> by.setValue("any"));
        waitUntil(30, () -> reviewRows().stream().anyMatch(r -> r.by().equals("ana")));
        FxToolkit.setupFixture(() -> robot.lookup("#review-corrected").queryAs(javafx.scene.control.CheckBox.class).fire());
        waitUntil(30, () -> !reviewRows().isEmpty() && reviewRows().stream().allMatch(r -> r.note().startsWith("corrected")));
        assertTrue(reviewRows().stream().anyMatch(r -> r.itemId() == byAna.get(0)), "ana corrected the fork item's pre-label");
        FxToolkit.setupFixture(() -> robot.lookup("#review-corrected").queryAs(javafx.scene.control.CheckBox.class).fire());
    }

    @Test
    @Order(8)
    void someoneNewAddsThemselvesNamingTheLeadAndAnAnnotatorMayNotReview() throws Exception {
        robot.clickOn("#change-person");
        waitUntil(30, () -> robot.lookup("#who-dialog").tryQuery().isPresent());
        robot.clickOn("#new-name").write("kim");
        robot.type(KeyCode.ENTER);
        waitUntil(60, () -> label().annotator().equals("kim") && label().identityProperty().get() != null);
        assertEquals(List.of("kim|annotator|lena"), query("SELECT name, role, changed_by FROM person_role WHERE name = 'kim'"));
        assertEquals("Labelling as kim (annotator)", robot.lookup("#labelling-as").queryAs(Label.class).getText());
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        waitUntil(30, () -> robot.lookup("#review-refusal").queryAs(Label.class).isVisible());
        String why = robot.lookup("#review-refusal").queryAs(Label.class).getText();
        assertTrue(why.contains("kim is an annotator") && why.contains("only a reviewer or lead may"), why);
        assertTrue(robot.lookup("#review-approve").queryAs(Button.class).isDisabled());
        int reviews = query("SELECT id FROM decision WHERE kind = 'review'").size();
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(reviews, query("SELECT id FROM decision WHERE kind = 'review'").size(), "A does nothing for kim");
    }
}
