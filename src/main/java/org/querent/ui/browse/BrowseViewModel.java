package org.querent.ui.browse;

import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.querent.session.BrowseFilter;
import org.querent.session.BrowseQueries;
import org.querent.session.BrowseQueries.BrowseItem;
import org.querent.session.BrowseQueries.Cursor;
import org.querent.session.BrowseQueries.Page;
import org.querent.session.LabellingSession;
import org.querent.session.PredictedLabels;
import org.querent.session.OpenProject;
import org.querent.ui.task.TaskRunner;
import org.querent.ui.task.TaskRunner.Lane;

/**
 * State and commands of the data browser. Properties: the filter choices and the chosen one, the search text,
 * one page of the matching items, where that page lies and how many match. Commands: {@link #refresh},
 * {@link #nextPage}, {@link #previousPage}, {@link #open}. Every query runs in the READS lane; an answer that
 * arrives after a newer query was asked is dropped. A page is shown first and counted after (ADR 0024): the
 * count walks every match, the page only its own rows.
 */
final class BrowseViewModel {
    /** Rows a page holds: a table this long still scrolls and sorts at once. */
    static final int PAGE_SIZE = 1_000;

    /** How a page was asked for, which says where it lies among the matches. */
    private enum Move {
        FIRST, NEXT, PREVIOUS, RELOAD
    }

    private final TaskRunner tasks;
    private final Supplier<OpenProject> project;
    private final LongConsumer labelItem;

    private final ObservableList<BrowseFilter> filters = FXCollections.observableArrayList(BrowseFilter.all());
    private final ObjectProperty<BrowseFilter> filter = new SimpleObjectProperty<>(BrowseFilter.all());
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<BrowseItem> items = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pageRange = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ItemDetailViewModel detail;
    private final int pageSize;

    private OpenProject queriedProject;
    private BrowseQueries queries;
    private long generation;
    private boolean replacingChoices;
    private Page shown;
    /** Matches before the shown page: where "1,001–2,000" starts. */
    private int offset;
    /** Matches of the shown filter and search, or -1 until counted. */
    private int matches = -1;

    /**
     * @param project   the open project, asked at each query (null on the start screen)
     * @param labelItem switches to the labelling view with an item in front
     */
    BrowseViewModel(TaskRunner tasks, Supplier<OpenProject> project, LongConsumer labelItem) {
        this(tasks, project, labelItem, PAGE_SIZE);
    }

    BrowseViewModel(TaskRunner tasks, Supplier<OpenProject> project, LongConsumer labelItem, int pageSize) {
        this.pageSize = pageSize;
        this.tasks = tasks;
        this.project = project;
        this.labelItem = labelItem;
        this.detail = new ItemDetailViewModel(tasks, this::queries);
        filter.addListener((obs, old, now) -> {
            if (replacingChoices) {
                return; // the combo box lets go of its value while its items are replaced
            }
            if (now == null) {
                filter.set(BrowseFilter.all());
            } else {
                firstPage();
            }
        });
        search.addListener((obs, old, now) -> firstPage());
    }

    // ---- properties ----------------------------------------------------------------------------------------

    ObservableList<BrowseFilter> filters() {
        return filters;
    }

    ObjectProperty<BrowseFilter> filterProperty() {
        return filter;
    }

    /** The search text; setting it runs the query (the view debounces typing). */
    StringProperty searchProperty() {
        return search;
    }

    ObservableList<BrowseItem> items() {
        return items;
    }

    /** "1,234 of 100,000 items" (matches of all), "1,000+ of 100,000 items" while counting. */
    ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Which matches the page shows, "1,001–2,000", or empty when there are none. */
    ReadOnlyStringProperty pageRangeProperty() {
        return pageRange.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious.getReadOnlyProperty();
    }

    /** Why the last command could not be done (a quarantined item, a failed query), or empty. */
    ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    ItemDetailViewModel detail() {
        return detail;
    }

    // ---- commands ------------------------------------------------------------------------------------------

    /**
     * Reads the shown page again, where it is (decisions may have moved items in or out of it), and counts
     * again; also reloads the filter choices.
     */
    void refresh() {
        matches = -1;
        load(shown == null ? Cursor.FIRST : shown.at(), Move.RELOAD);
    }

    /** The page after the shown one, if there is one. */
    void nextPage() {
        if (shown != null && shown.hasNext() && !loading.get()) {
            load(shown.next(), Move.NEXT);
        }
    }

    /** The page before the shown one, if there is one. */
    void previousPage() {
        if (shown != null && shown.hasPrevious() && !loading.get()) {
            load(shown.previous(), Move.PREVIOUS);
        }
    }

    /** The first page of a new filter or search. */
    private void firstPage() {
        matches = -1;
        load(Cursor.FIRST, Move.FIRST);
    }

    private void load(Cursor at, Move move) {
        OpenProject open = project.get();
        long asked = ++generation;
        if (open == null) {
            shown = null;
            items.clear();
            count.set("No project open");
            pageRange.set("");
            hasNext.set(false);
            hasPrevious.set(false);
            return;
        }
        BrowseFilter chosen = filter.get();
        String text = search.get();
        loading.set(true);
        tasks.run(Lane.READS, () -> load(open, chosen, text, at), loaded -> {
            if (asked == generation) {
                show(loaded, move, open, chosen, text, asked);
            }
        }, error -> {
            if (asked == generation) {
                loading.set(false);
                notice.set("Could not load the items: " + error.getMessage());
            }
        });
    }

    /** Opens an item for labelling; an item that cannot be labelled gets its reason shown instead. */
    void open(BrowseItem item) {
        if (item == null) {
            return;
        }
        ItemStatus status = ItemStatus.of(item.row());
        if (status.canBeLabelled()) {
            notice.set("");
            labelItem.accept(item.id());
        } else {
            notice.set(whyNotLabellable(item, status));
        }
    }

    void dismissNotice() {
        notice.set("");
    }

    // ---- background work and its answer --------------------------------------------------------------------

    private record Loaded(List<BrowseFilter> filters, Page page, PredictedLabels predicted) {
    }

    /** Runs in the READS lane. */
    private Loaded load(OpenProject open, BrowseFilter chosen, String text, Cursor at) {
        BrowseQueries q = queriesFor(open);
        PredictedLabels predicted = predictedLabels(open, q);
        List<BrowseFilter> choices = q.filters(!predicted.isEmpty());
        if (!choices.contains(chosen)) {
            return new Loaded(choices, null, predicted); // the filter is gone; show() moves to "All items"
        }
        return new Loaded(choices, q.page(chosen, text, predicted, at, pageSize), predicted);
    }

    private synchronized BrowseQueries queriesFor(OpenProject open) {
        if (open != queriedProject) {
            queriedProject = open;
            queries = open.browseQueries();
        }
        return queries;
    }

    private synchronized BrowseQueries queries() {
        return queries;
    }

    private static PredictedLabels predictedLabels(OpenProject open, BrowseQueries q) {
        LabellingSession session = open.session();
        if (session == null) {
            return PredictedLabels.NONE; // predictions exist once the labelling loop has ranked the pool
        }
        return q.predictedLabels(session.predictions(), open.models().hash());
    }

    private void show(Loaded loaded, Move move, OpenProject open, BrowseFilter chosen, String text, long asked) {
        loading.set(false);
        notice.set("");
        boolean stillOffered = loaded.page() != null;
        if (!filters.equals(loaded.filters()) || !stillOffered) {
            replacingChoices = true;
            try {
                filters.setAll(loaded.filters());
                filter.set(stillOffered ? chosen : BrowseFilter.all());
            } finally {
                replacingChoices = false;
            }
        }
        if (!stillOffered) {
            firstPage(); // e.g. "predicted as" after the predictions went away
            return;
        }
        Page page = loaded.page();
        offset = offsetOf(page, move);
        shown = page;
        items.setAll(page.items());
        hasNext.set(page.hasNext());
        hasPrevious.set(page.hasPrevious());
        pageRange.set(page.items().isEmpty() ? "" : String.format(Locale.getDefault(Locale.Category.FORMAT), "%,d–%,d",
                offset + 1, offset + page.items().size()));
        if (page.isWhole()) {
            matches = page.items().size();
        }
        if (matches >= 0) {
            showCount(matches, false);
            return;
        }
        showCount(offset + page.items().size(), page.hasNext());
        tasks.run(Lane.READS, () -> queriesFor(open).count(chosen, text, loaded.predicted()), counted -> {
            if (asked == generation) {
                matches = counted;
                showCount(counted, false);
            }
        }, error -> {
            if (asked == generation) {
                notice.set("Could not count the items: " + error.getMessage());
            }
        });
    }

    /** Where the new page starts among the matches, from where the shown one started. */
    private int offsetOf(Page page, Move move) {
        if (!page.hasPrevious()) {
            return 0;
        }
        int size = page.items().size();
        int before = shown == null ? 0 : shown.items().size();
        int start = switch (move) {
            case FIRST -> 0;
            case NEXT -> offset + before;
            case PREVIOUS -> offset - size;
            // a page that emptied turned back to the page before it
            case RELOAD -> page.at().equals(shown == null ? page.at() : shown.at()) ? offset : offset - size;
        };
        return Math.max(0, start);
    }

    private void showCount(int matched, boolean atLeast) {
        int total = shown == null ? 0 : shown.total();
        count.set(String.format(Locale.getDefault(Locale.Category.FORMAT), atLeast ? "%,d+ of %,d items" : "%,d of %,d items",
                matched, total));
    }

    private static String whyNotLabellable(BrowseItem item, ItemStatus status) {
        String path = item.row().path();
        if (status == ItemStatus.QUARANTINED) {
            String reason = item.row().quarantineReason() == null ? "no reason recorded" : item.row().quarantineReason();
            return path + " is quarantined: " + reason + ". Fix or replace the file, then import again.";
        }
        return path + " was removed from the dataset folder; its decisions stay in the history.";
    }
}
