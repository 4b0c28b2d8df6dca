package org.querent.ui.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.project.Project;
import org.querent.session.BrowseFilter;
import org.querent.session.BrowseFilter.Kind;
import org.querent.session.BrowseQueries.BrowseItem;
import org.querent.session.ModelSession;
import org.querent.session.OpenProject;
import org.querent.ui.task.DirectTaskRunner;

class BrowseViewModelTest {
    @TempDir
    Path dir;

    private Project project;
    private final List<Long> opened = new ArrayList<>();
    private BrowseViewModel model;

    @BeforeEach
    void openSample() throws Exception {
        project = TestProjects.sample(dir);
        OpenProject open = new OpenProject(project, new ModelSession(project));
        model = new BrowseViewModel(new DirectTaskRunner(), () -> open, opened::add);
        model.refresh();
    }

    @AfterEach
    void close() {
        project.close();
    }

    @Test
    void showsEveryItemWithItsCount() {
        assertEquals(TestProjects.ITEMS, model.items().size());
        assertEquals("11 of 11 items", model.countProperty().get());
    }

    @Test
    void unlabelledKeepsActiveItemsWithoutACurrentLabel() {
        model.filterProperty().set(BrowseFilter.of(Kind.UNLABELLED));

        assertEquals(List.of("note-04.txt", "note-05.txt", "note-06.txt", "note-07.txt", "note-08.txt", "note-09.txt",
                "note-10.txt"), paths());
        assertEquals(TestProjects.UNLABELLED + " of 11 items", model.countProperty().get());
    }

    @Test
    void eachFilterKeepsItsItems() {
        assertEquals(List.of("note-01.txt", "note-02.txt"), pathsFor(new BrowseFilter(Kind.LABELLED_AS, "cat")));
        assertEquals(List.of("note-05.txt"), pathsFor(BrowseFilter.of(Kind.FLAGGED)));
        assertEquals("sarcasm?", model.items().get(0).row().flagReason());
        assertEquals(List.of("note-04.txt"), pathsFor(BrowseFilter.of(Kind.SKIPPED)));
        assertEquals(List.of("broken.png"), pathsFor(BrowseFilter.of(Kind.QUARANTINED)));
        assertEquals("truncated or corrupt image", model.items().get(0).row().quarantineReason());
        assertEquals(List.of("note-03.txt", "note-05.txt"), pathsFor(new BrowseFilter(Kind.DECIDED_BY, "ben")));
    }

    @Test
    void filterChoicesNameEveryLabelAndAnnotatorButNoPredictionsWithoutASession() {
        List<String> names = model.filters().stream().map(BrowseFilter::displayName).toList();
        assertTrue(names.containsAll(List.of("All items", "Unlabelled", "Labelled as bird", "Decided by ana",
                "Decided by ben")), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.startsWith("Predicted")), names.toString());
    }

    @Test
    void searchLooksInPathAndTextIgnoringCase() {
        model.searchProperty().set("zebra");
        assertEquals(List.of("note-03.txt"), paths());

        model.searchProperty().set("NOTE-1");
        assertEquals(List.of("note-10.txt"), paths());

        model.searchProperty().set("%");
        assertEquals(List.of(), paths(), "% is a literal, not a wildcard");
        assertEquals("0 of 11 items", model.countProperty().get());
    }

    @Test
    void searchNarrowsTheChosenFilter() {
        model.filterProperty().set(BrowseFilter.of(Kind.UNLABELLED));
        model.searchProperty().set("number 1");
        assertEquals(List.of("note-10.txt"), paths());
    }

    @Test
    void openingALabellableItemJumpsToLabelling() {
        model.open(item("note-07.txt"));
        assertEquals(List.of(TestProjects.idOf(project, 7)), opened);
        assertEquals("", model.noticeProperty().get());
    }

    @Test
    void openingAQuarantinedItemShowsItsReasonInstead() {
        model.open(item("broken.png"));
        assertEquals(List.of(), opened);
        assertTrue(model.noticeProperty().get().contains("quarantined: truncated or corrupt image"),
                model.noticeProperty().get());
    }

    @Test
    void detailShowsTheTextAndTheHistoryWithUndoneDecisionsMarked() {
        model.detail().show(item("note-06.txt"));

        assertEquals("text number 6", model.detail().textProperty().get());
        List<HistoryLine> history = model.detail().history();
        assertEquals(2, history.size());
        assertEquals("Labelled dog", history.get(0).what());
        assertTrue(history.get(0).undone());
        assertTrue(history.get(1).what().startsWith("Undid decision"));
        assertEquals("ana", history.get(0).who());
    }

    @Test
    void detailOfAQuarantinedImageSaysWhyThereIsNoPicture() {
        model.detail().show(item("broken.png"));
        assertEquals(null, model.detail().imageUrlProperty().get());
        assertTrue(model.detail().problemProperty().get().contains("missing"), model.detail().problemProperty().get());
    }

    private List<String> pathsFor(BrowseFilter filter) {
        model.filterProperty().set(filter);
        return paths();
    }

    private List<String> paths() {
        return model.items().stream().map(i -> i.row().path()).toList();
    }

    private BrowseItem item(String path) {
        model.filterProperty().set(BrowseFilter.all());
        model.searchProperty().set("");
        return model.items().stream().filter(i -> i.row().path().equals(path)).findFirst().orElseThrow();
    }
}
