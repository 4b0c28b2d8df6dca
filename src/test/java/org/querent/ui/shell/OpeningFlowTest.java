package org.querent.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.session.ImportService;
import org.querent.session.LabellingSession;
import org.querent.session.ModelSession;
import org.querent.session.OpenProject;
import org.querent.session.ProjectOpener;
import org.querent.session.ScoringService;
import org.querent.store.LabelDefinition;
import org.querent.ui.task.DirectTaskRunner;

/** The opening steps without JavaFX: a real project file, the real opener, screens that only record. */
class OpeningFlowTest {
    @TempDir
    Path dir;

    private final List<String> shown = new ArrayList<>();
    private ProjectOpener.Opened lastOpened;
    private LabellingSession session;
    private Throwable lastError;
    private OpeningFlow flow;

    private final OpeningFlow.Screens screens = new OpeningFlow.Screens() {
        @Override public void busy(String what) { shown.add("busy"); }
        @Override public void opened(OpenProject project) { shown.add("opened " + project.name()); }
        @Override public void askForDataFolder(String problem) { shown.add("ask-folder"); }
        @Override public void modelUnavailable(String problem, boolean waiting) { shown.add("model-unavailable"); }
        @Override public void score(ProjectOpener.Opened opened) { lastOpened = opened; shown.add("score"); }
        @Override public void labelling(ProjectOpener.Opened opened, LabellingSession s) {
            lastOpened = opened;
            session = s;
            shown.add("labelling");
        }
        @Override public void notRanked(Throwable error) { lastError = error; shown.add("not-ranked"); }
        @Override public void start() { shown.add("start"); }
        @Override public void error(String title, Throwable error) { lastError = error; shown.add("error " + title); }
    };

    private OpeningFlow flow() {
        flow = new OpeningFlow(new DirectTaskRunner(), new ProjectOpener(), screens, () -> "ana",
                () -> new LabellingSession.Settings("margin", 10, 0));
        return flow;
    }

    @AfterEach
    void closeWhatIsOpen() {
        if (flow != null) {
            flow.close(e -> { });
        }
    }

    @Test
    void aScoredProjectGoesStraightToLabellingWithItsFirstItem() throws Exception {
        Path file = fashionProject(true);
        flow().open(file);
        assertEquals(List.of("busy", "opened fashion", "busy", "labelling"), shown);
        assertTrue(session.current().isPresent(), "a first item to label");
        assertNull(lastOpened.dataProblem());
    }

    @Test
    void itemsWaitingForTheModelAreScoredFirstThenLabelled() throws Exception {
        Path file = fashionProject(false);
        flow().open(file);
        assertEquals(List.of("busy", "opened fashion", "score"), shown);
        assertTrue(lastOpened.unscored() > 0);
        // Ranking before anything is scored (scoring stopped at once) says so and keeps the project open.
        flow.label(lastOpened);
        assertEquals("not-ranked", shown.get(shown.size() - 1));
        assertTrue(lastError.getMessage().contains("no scored items"), lastError.getMessage());
        OpenProject open = flow.project();
        new ScoringService(open.project(), open.models()).score(64, ProgressListener.NONE, Cancellation.none());
        flow.label(lastOpened);
        assertEquals("labelling", shown.get(shown.size() - 1), String.valueOf(lastError));
    }

    @Test
    void theLabellingSessionIsThePersonsTheWindowNamesAndLabelAsRestartsAsAnother() throws Exception {
        Path file = fashionProject(true);
        List<String> asked = new ArrayList<>();
        flow = new OpeningFlow(new DirectTaskRunner(), new ProjectOpener(), new OpeningFlow.Screens() {
            @Override public void busy(String what) { }
            @Override public void opened(OpenProject project) { }
            @Override public void askForDataFolder(String problem) { }
            @Override public void modelUnavailable(String problem, boolean waiting) { }
            @Override public void score(ProjectOpener.Opened opened) { }
            @Override public void labelling(ProjectOpener.Opened opened, LabellingSession s) {
                lastOpened = opened;
                session = s;
            }
            @Override public void notRanked(Throwable error) { lastError = error; }
            @Override public void start() { }
            @Override public void error(String title, Throwable error) { lastError = error; }
            @Override public void whoIsLabelling(OpenProject project, java.util.function.Consumer<String> then) {
                asked.add(project.name());
                then.accept("kim");
            }
        }, () -> "ana", () -> new LabellingSession.Settings("margin", 10, 0));
        flow.open(file);
        assertEquals(List.of("fashion"), asked, "asked once, before the session starts");
        assertEquals("kim", session.annotator(), String.valueOf(lastError));
        flow.labelAs(lastOpened, "lee");
        assertEquals("lee", session.annotator());
        flow.labelAs(lastOpened, null);
        assertEquals("ana", session.annotator(), "null: the name in the user's settings");
    }

    @Test
    void aMovedFolderIsAskedForAndRelocatingGoesOn() throws Exception {
        Path file = fashionProject(true);
        Files.move(dir.resolve("data"), dir.resolve("data-moved"));
        flow().open(file);
        assertEquals(List.of("busy", "opened fashion", "ask-folder"), shown);
        flow.relocate(dir.resolve("data-moved"));
        assertEquals("labelling", shown.get(shown.size() - 1));
        assertEquals(dir.resolve("data-moved").toAbsolutePath().normalize(), lastOpened.dataRoot());
    }

    @Test
    void givingUpOnAMovedFolderClosesTheFileSoItOpensAgain() throws Exception {
        Path file = fashionProject(true);
        Files.move(dir.resolve("data"), dir.resolve("data-moved"));
        flow().open(file);
        flow.abandon();
        assertEquals("start", shown.get(shown.size() - 1));
        assertNull(flow.project());
        // The lock was released: a second open of the same file succeeds.
        shown.clear();
        flow.open(file);
        assertEquals("opened fashion", shown.get(1));
    }

    @Test
    void aMissingModelWarnsAndLabellingGoesOn() throws Exception {
        Path file = fashionProject(true);
        Files.move(dir.resolve("model"), dir.resolve("model-elsewhere"));
        flow().open(file);
        assertEquals(List.of("busy", "opened fashion", "model-unavailable", "busy", "labelling"), shown);
    }

    /** Re-opening the open project (File > Open recent) waits for its close instead of racing its own lock. */
    @Test
    void reopeningTheOpenProjectWaitsForItsCloseOnTheRealLanes() throws Exception {
        Path file = fashionProject(true);
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch twice = new java.util.concurrent.CountDownLatch(2);
        OpeningFlow.Screens recording = new OpeningFlow.Screens() {
            @Override public void busy(String what) { }
            @Override public void opened(OpenProject project) { events.add("opened"); }
            @Override public void askForDataFolder(String problem) { events.add("ask-folder"); }
            @Override public void modelUnavailable(String problem, boolean waiting) { events.add("model-unavailable"); }
            @Override public void score(ProjectOpener.Opened opened) { events.add("score"); }
            @Override public void labelling(ProjectOpener.Opened opened, LabellingSession s) {
                events.add("labelling");
                twice.countDown();
            }
            @Override public void notRanked(Throwable error) { events.add("not-ranked " + error.getMessage()); }
            @Override public void start() { events.add("start"); }
            @Override public void error(String title, Throwable error) {
                events.add("error " + title + ": " + error.getMessage());
                twice.countDown();
            }
        };
        try (ThreadedTaskRunner runner = new ThreadedTaskRunner()) {
            OpeningFlow threaded = new OpeningFlow(runner, new ProjectOpener(), recording, () -> "ana",
                    () -> new LabellingSession.Settings("margin", 10, 0));
            runner.onUiAndWait(() -> threaded.open(file));
            for (int i = 0; i < 100 && !events.contains("labelling"); i++) {
                Thread.sleep(100);
            }
            runner.onUiAndWait(() -> threaded.open(file)); // the same file, while it is open
            assertTrue(twice.await(60, java.util.concurrent.TimeUnit.SECONDS), events.toString());
            assertEquals(List.of("opened", "labelling", "opened", "labelling"), events);
            runner.onUiAndWait(() -> threaded.close(e -> events.add("close failed")));
        }
    }

    @Test
    void anEmptyFileIsAnErrorAndTheStartScreenComesBack() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.querent"));
        flow().open(file);
        assertEquals(List.of("busy", "start", "error Could not open empty.querent"), shown);
        assertNotNull(lastError.getMessage());
        assertTrue(lastError.getMessage().contains("empty"), lastError.getMessage());
        assertEquals(0, Files.size(file), "the empty file is never initialised");
    }

    private Path fashionProject(boolean scored) throws IOException {
        copy(Path.of("sample-projects/fashion/data"), dir.resolve("data"));
        copy(Path.of("sample-projects/fashion/model"), dir.resolve("model"));
        List<LabelDefinition> labels = Stream.of("ankle_boot", "bag", "coat", "dress", "pullover", "sandal", "shirt",
                "sneaker", "trouser", "tshirt_top").map(l -> new LabelDefinition(l, "", null)).toList();
        Path file = dir.resolve("fashion.querent");
        try (Project p = new ProjectService(Clock.systemUTC()).create(new NewProject(file, dir.resolve("data"),
                dir.resolve("model/model.json").toString(), labels, false, null)); ModelSession models = new ModelSession(p)) {
            new ImportService(p).run(false, ProgressListener.NONE, Cancellation.none());
            if (scored) {
                new ScoringService(p, models).score(64, ProgressListener.NONE, Cancellation.none());
            }
        }
        return file;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
