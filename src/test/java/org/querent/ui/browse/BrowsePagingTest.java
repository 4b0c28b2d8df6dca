package org.querent.ui.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.project.Project;
import org.querent.session.BrowseFilter;
import org.querent.session.BrowseFilter.Kind;
import org.querent.session.LabellingService;
import org.querent.session.ModelSession;
import org.querent.session.OpenProject;
import org.querent.ui.task.DirectTaskRunner;
import org.querent.ui.task.TaskRunner;

/**
 * The browser's pages, four items to a page over the sample project's eleven: next and previous, where a page
 * lies, a refresh that stays put, a page that empties under a filter, and the count that comes after the page.
 */
class BrowsePagingTest {
    @TempDir
    Path dir;

    private Project project;
    private final QueuedTasks tasks = new QueuedTasks();
    private BrowseViewModel model;

    @BeforeEach
    void openSample() throws Exception {
        project = TestProjects.sample(dir);
        OpenProject open = new OpenProject(project, new ModelSession(project));
        model = new BrowseViewModel(tasks, () -> open, id -> { }, 4);
        model.refresh();
        tasks.runAll();
    }

    @AfterEach
    void close() {
        project.close();
    }

    @Test
    void nextAndPreviousWalkThePagesAndSayWhereTheyAre() {
        assertPage("1–4", List.of(1, 2, 3, 4), false, true);
        assertEquals("11 of 11 items", model.countProperty().get());

        go(model::nextPage);
        assertPage("5–8", List.of(5, 6, 7, 8), true, true);
        go(model::nextPage);
        assertEquals("9–11", model.pageRangeProperty().get());
        assertEquals(List.of("note-09.txt", "note-10.txt", "broken.png"), paths());
        assertFalse(model.hasNextProperty().get());

        go(model::nextPage);
        assertEquals("9–11", model.pageRangeProperty().get(), "no page after the last");
        go(model::previousPage);
        assertPage("5–8", List.of(5, 6, 7, 8), true, true);
        go(model::previousPage);
        assertPage("1–4", List.of(1, 2, 3, 4), false, true);
    }

    @Test
    void theCountFollowsThePageAndIsKeptWhilePaging() {
        model.refresh();
        tasks.runNext(); // the page only
        assertEquals("4+ of 11 items", model.countProperty().get(), "more pages: counted after the page is shown");
        assertEquals(1, tasks.pending(), "the count is asked for");
        tasks.runAll();
        assertEquals("11 of 11 items", model.countProperty().get());

        model.nextPage();
        tasks.runNext();
        assertEquals("11 of 11 items", model.countProperty().get(), "a page move keeps the count");
        assertEquals(0, tasks.pending(), "and does not ask again");
    }

    @Test
    void refreshStaysOnThePageAndANewFilterStartsAtTheFirst() {
        go(model::nextPage);
        go(model::refresh);
        assertPage("5–8", List.of(5, 6, 7, 8), true, true);

        model.filterProperty().set(BrowseFilter.of(Kind.UNLABELLED));
        tasks.runAll();
        assertPage("1–4", List.of(4, 5, 6, 7), false, true);
        assertEquals("7 of 11 items", model.countProperty().get());

        model.searchProperty().set("number");
        tasks.runAll();
        assertEquals("1–4", model.pageRangeProperty().get());
    }

    @Test
    void aPageThatEmptiesTurnsBackToThePageBeforeIt() {
        model.filterProperty().set(BrowseFilter.of(Kind.UNLABELLED));
        tasks.runAll();
        go(model::nextPage);
        assertPage("5–7", List.of(8, 9, 10), true, false);

        LabellingService labelling = new LabellingService(project);
        for (int note = 8; note <= 10; note++) {
            labelling.label(TestProjects.idOf(project, note), List.of("bird"), "ana");
        }
        go(model::refresh);

        assertPage("1–4", List.of(4, 5, 6, 7), false, false);
        assertEquals("4 of 11 items", model.countProperty().get());
    }

    private void go(Runnable command) {
        command.run();
        tasks.runAll();
    }

    private void assertPage(String range, List<Integer> notes, boolean hasPrevious, boolean hasNext) {
        assertEquals(range, model.pageRangeProperty().get());
        assertEquals(notes.stream().map(n -> String.format("note-%02d.txt", n)).toList(), paths());
        assertEquals(hasPrevious, model.hasPreviousProperty().get(), "has previous");
        assertEquals(hasNext, model.hasNextProperty().get(), "has next");
        assertTrue(model.noticeProperty().get().isEmpty(), model.noticeProperty().get());
    }

    private List<String> paths() {
        return model.items().stream().map(i -> i.row().path()).toList();
    }

    /** Runs tasks when told, on the test's thread, so a test can look between a page and its count. */
    private static final class QueuedTasks implements TaskRunner {
        private final Queue<Runnable> queue = new ArrayDeque<>();
        private final DirectTaskRunner direct = new DirectTaskRunner();

        @Override
        public <T> void run(Lane lane, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            queue.add(() -> direct.run(lane, work, onSuccess, onFailure));
        }

        @Override
        public void onUiThread(Runnable action) {
            action.run();
        }

        void runNext() {
            queue.remove().run();
        }

        void runAll() {
            while (!queue.isEmpty()) {
                runNext();
            }
        }

        int pending() {
            return queue.size();
        }
    }
}
