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
import org.querent.session.BrowseQueries.Result;
import org.querent.session.LabellingSession;
import org.querent.session.PredictedLabels;
import org.querent.session.OpenProject;
import org.querent.ui.task.TaskRunner;
import org.querent.ui.task.TaskRunner.Lane;

/**
 * State and commands of the data browser. Properties: the filter choices and the chosen one, the search text,
 * the matching items and their count. Commands: {@link #refresh}, {@link #open}. Every query runs in the
 * READS lane; an answer that arrives after a newer query was asked is dropped.
 */
final class BrowseViewModel {
    private final TaskRunner tasks;
    private final Supplier<OpenProject> project;
    private final LongConsumer labelItem;

    private final ObservableList<BrowseFilter> filters = FXCollections.observableArrayList(BrowseFilter.all());
    private final ObjectProperty<BrowseFilter> filter = new SimpleObjectProperty<>(BrowseFilter.all());
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<BrowseItem> items = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ItemDetailViewModel detail;

    private OpenProject queriedProject;
    private BrowseQueries queries;
    private long generation;
    private boolean replacingChoices;

    /**
     * @param project   the open project, asked at each query (null on the start screen)
     * @param labelItem switches to the labelling view with an item in front
     */
    BrowseViewModel(TaskRunner tasks, Supplier<OpenProject> project, LongConsumer labelItem) {
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
                refresh();
            }
        });
        search.addListener((obs, old, now) -> refresh());
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

    /** "1,234 of 100,000 items". */
    ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
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

    /** Runs the query again with the current filter and search (also reloads the filter choices). */
    void refresh() {
        OpenProject open = project.get();
        long asked = ++generation;
        if (open == null) {
            items.clear();
            count.set("No project open");
            return;
        }
        BrowseFilter chosen = filter.get();
        String text = search.get();
        loading.set(true);
        tasks.run(Lane.READS, () -> load(open, chosen, text), loaded -> {
            if (asked == generation) {
                show(loaded);
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

    private record Loaded(List<BrowseFilter> filters, Result result) {
    }

    /** Runs in the READS lane. */
    private Loaded load(OpenProject open, BrowseFilter chosen, String text) {
        BrowseQueries q = queriesFor(open);
        PredictedLabels predicted = predictedLabels(open, q);
        return new Loaded(q.filters(!predicted.isEmpty()), q.find(chosen, text, predicted));
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

    private void show(Loaded loaded) {
        loading.set(false);
        notice.set("");
        BrowseFilter chosen = filter.get();
        if (!filters.equals(loaded.filters())) {
            boolean stillOffered = loaded.filters().contains(chosen);
            replacingChoices = true;
            try {
                filters.setAll(loaded.filters());
                filter.set(stillOffered ? chosen : BrowseFilter.all());
            } finally {
                replacingChoices = false;
            }
            if (!stillOffered) {
                refresh(); // e.g. "predicted as" after the predictions went away
                return;
            }
        }
        items.setAll(loaded.result().items());
        count.set(String.format(Locale.getDefault(Locale.Category.FORMAT), "%,d of %,d items",
                loaded.result().items().size(), loaded.result().total()));
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
