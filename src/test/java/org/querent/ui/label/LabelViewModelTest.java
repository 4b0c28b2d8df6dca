package org.querent.ui.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.TestData;
import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.session.ImportService;
import org.querent.session.LabellingSession;
import org.querent.session.ModelSession;
import org.querent.session.ScoringService;
import org.querent.session.WorkHistory;
import org.querent.store.LabelDefinition;
import org.querent.ui.task.DirectTaskRunner;

/** The labelling view-model as plain JUnit, on a real project scored with the real model, tasks run inline. */
class LabelViewModelTest {
    @TempDir
    static Path dir;
    static Project project;
    static ModelSession models;
    LabelViewModel model;
    LabellingSession session;

    @BeforeAll
    static void scoredProject() {
        TestData.copyEmails(dir.resolve("data"), 3);
        List<LabelDefinition> labels = TestData.emailLabels().stream().map(l -> new LabelDefinition(l, "", null)).toList();
        project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"), dir.resolve("data"),
                "builtin:minilm", labels, false, null));
        new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
        models = new ModelSession(project);
        new ScoringService(project, models).score(8, ProgressListener.NONE, Cancellation.none());
    }

    @AfterAll
    static void closeProject() {
        models.close();
        project.close();
    }

    @BeforeEach
    void openSession() {
        session = new LabellingSession(project, models, "tester", new LabellingSession.Settings("margin", 5, 0), Runnable::run);
        session.start();
        model = new LabelViewModel(new WorkHistory(project), session, project.taxonomy().labels(), project.dataRoot(), new DirectTaskRunner());
        model.load();
    }

    @Test
    void aLabelKeyRecordsTheDecisionAndShowsTheNextItem() {
        long first = model.currentProperty().get().item().id();
        assertEquals(6, model.choices().size());
        assertEquals("1", model.choices().get(0).key());
        assertTrue(model.pressKey("2"));
        assertNotEquals(first, model.currentProperty().get().item().id());
        assertEquals(List.of(TestData.emailLabels().get(1)), project.decisions().currentLabels().get(first).labels());
        assertTrue(model.messageProperty().get().startsWith("Labelled"), model.messageProperty().get());
        assertEquals(first, model.history().get(0).itemId());
        assertFalse(model.pressKey("9"), "no label has key 9");
    }

    @Test
    void aKeyClashIsSaidAtOnceNamingBothAndTheLabelKeepsNoKey() {
        List<LabelDefinition> clashing = new java.util.ArrayList<>(project.taxonomy().labels());
        LabelDefinition second = clashing.get(1);
        clashing.set(1, new LabelDefinition(second.name(), "", "e"));
        LabelViewModel withClash = new LabelViewModel(new WorkHistory(project), session, clashing, project.dataRoot(),
                new DirectTaskRunner());
        withClash.load();
        String message = withClash.messageProperty().get();
        assertTrue(message.contains("The key E is both") && message.contains("escalate")
                && message.contains("label '" + second.name() + "'"), message);
        assertEquals("", withClash.choices().get(1).key());
        assertFalse(withClash.pressKey("E"), "E escalates; it never labels");
    }

    @Test
    void aNoteIsShownOnTheItemItWasLeftOn() {
        long shown = model.currentProperty().get().item().id();
        assertEquals("", model.itemNotesProperty().get());
        model.note("ask Ana about this list");
        assertTrue(model.itemNotesProperty().get().contains("ask Ana about this list (tester)"),
                model.itemNotesProperty().get());
        assertEquals(shown, model.currentProperty().get().item().id(), "a note keeps the item in front");
        model.pressKey("1");
        assertEquals("", model.itemNotesProperty().get(), "the next item has no notes");
    }

    @Test
    void enterAcceptsTheZeroShotPreLabel() {
        var shown = model.currentProperty().get();
        model.accept();
        var decision = project.decisions().currentLabels().get(shown.item().id());
        assertEquals(List.of(shown.preLabel()), decision.labels());
        assertEquals(Boolean.TRUE, decision.accepted());
    }

    @Test
    void undoBringsTheItemBackAndForgetsTheDecision() {
        long first = model.currentProperty().get().item().id();
        model.pressKey("3");
        model.undo();
        assertEquals(first, model.currentProperty().get().item().id());
        assertFalse(project.decisions().currentLabels().containsKey(first));
        assertTrue(model.messageProperty().get().startsWith("Undid"));
    }

    @Test
    void aFullDiskKeepsTheItemOnScreenSaysWhatToDoAndLosesNothing() {
        long shown = model.currentProperty().get().item().id();
        int decisionsBefore = project.decisions().countByKind().values().stream().mapToInt(Integer::intValue).sum();
        int pages = project.database().read(c -> {
            try (var rs = c.createStatement().executeQuery("PRAGMA page_count")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        try {
            project.database().read(c -> c.createStatement().execute("PRAGMA max_page_count = " + pages));
            model.note("x".repeat(200_000)); // a write that needs a new page
            assertTrue(model.messageProperty().get().contains("disk is full"), model.messageProperty().get());
            assertEquals(shown, model.currentProperty().get().item().id(), "nothing moved on");
        } finally {
            project.database().read(c -> c.createStatement().execute("PRAGMA max_page_count = 1073741823"));
        }
        assertEquals(decisionsBefore, project.decisions().countByKind().values().stream().mapToInt(Integer::intValue).sum());
        model.pressKey("1");
        assertNotEquals(shown, model.currentProperty().get().item().id(), "works again once there is space");
    }

    @Test
    void changingTheStrategyReRanksAndKeepsTheCurrentItem() {
        long shown = model.currentProperty().get().item().id();
        model.changeStrategy("entropy", 3);
        assertEquals(shown, model.currentProperty().get().item().id());
        assertEquals("entropy", model.strategyProperty().get());
        // Before any head the re-ranked batch is a cold start (TypiClust); labels made by the other tests of this
        // class train one when the session starts (labels are learnt from at once), and then entropy ranks.
        String expected = project.heads().count() == 0 ? "typiclust" : "entropy";
        assertEquals(expected, project.rounds().latestSelection(session.upcoming(1).get(0).item().id())
                .orElseThrow().strategy());
    }

    @Test
    void batchRulesReserveAnAuditShareAndKeepTheCurrentItem() {
        long shown = model.currentProperty().get().item().id();
        model.changeRules(new org.querent.query.rules.BatchRules(0.9, 0, 0, 0.4), () -> { });
        assertEquals(shown, model.currentProperty().get().item().id());
        assertEquals(0.4, session.settings().rules().auditShare());
        assertTrue(model.messageProperty().get().contains("40% audit"), model.messageProperty().get());
        assertTrue(session.upcoming(5).stream().anyMatch(e -> e.audit()), "audit picks are queued");
    }
}
