package org.querent.ui.browse;

import java.util.Locale;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.querent.session.BrowseQueries;
import org.querent.session.BrowseQueries.BrowseItem;
import org.querent.session.BrowseQueries.ItemDetail;
import org.querent.session.QueueService.PreLabel;
import org.querent.ui.task.TaskRunner;
import org.querent.ui.task.TaskRunner.Lane;

/**
 * The detail pane of the browser: the selected item, a text preview or the image file to show, and its
 * decision history, loaded in the background whenever the selection changes.
 */
final class ItemDetailViewModel {
    /** Enough text to judge an item; a whole book in a TextArea would only slow the pane down. */
    static final int PREVIEW_CHARS = 20_000;

    private final TaskRunner tasks;
    private final Supplier<BrowseQueries> queries;

    private final ReadOnlyObjectWrapper<BrowseItem> item = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper imageUrl = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ObservableList<HistoryLine> history = FXCollections.observableArrayList();
    private long generation;

    ItemDetailViewModel(TaskRunner tasks, Supplier<BrowseQueries> queries) {
        this.tasks = tasks;
        this.queries = queries;
    }

    ReadOnlyObjectProperty<BrowseItem> itemProperty() {
        return item.getReadOnlyProperty();
    }

    /** The text body, cut to {@link #PREVIEW_CHARS}; empty for images. */
    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** A file: URL of the image to show, or null. */
    ReadOnlyStringProperty imageUrlProperty() {
        return imageUrl.getReadOnlyProperty();
    }

    /** Why the preview is missing (file moved, dataset folder missing, load failed), or empty. */
    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    ObservableList<HistoryLine> history() {
        return history;
    }

    /** "dog · 87 %" or empty when there is no prediction. */
    String predictedText() {
        BrowseItem shown = item.get();
        PreLabel pre = shown == null ? null : shown.predicted();
        return pre == null ? "" : pre.labels() + String.format(Locale.ROOT, " · %.0f %%", 100 * pre.confidence());
    }

    /** Shows an item (null clears the pane). */
    void show(BrowseItem selected) {
        long asked = ++generation;
        item.set(selected);
        text.set("");
        imageUrl.set(null);
        problem.set("");
        history.clear();
        BrowseQueries q = queries.get();
        if (selected == null || q == null) {
            loading.set(false);
            return;
        }
        loading.set(true);
        tasks.run(Lane.READS, () -> q.detail(selected.id()), detail -> {
            if (asked == generation) {
                apply(detail);
            }
        }, error -> {
            if (asked == generation) {
                loading.set(false);
                problem.set("Could not load the item: " + error.getMessage());
            }
        });
    }

    private void apply(ItemDetail detail) {
        loading.set(false);
        String body = detail.item().body();
        if (body != null) {
            text.set(body.length() > PREVIEW_CHARS ? body.substring(0, PREVIEW_CHARS) + "\n…" : body);
        } else if (detail.item().audio() != null) {
            text.set("Audio clip: " + detail.item().audio().describe() + "\n(open it in the label view to see and hear it)");
        }
        imageUrl.set(detail.imageFile() == null ? null : detail.imageFile().toUri().toString());
        problem.set(detail.imageProblem() == null ? "" : detail.imageProblem());
        history.setAll(HistoryLine.of(detail.history()));
    }
}
