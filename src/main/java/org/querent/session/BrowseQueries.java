package org.querent.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.querent.common.ItemKind;
import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.session.QueueService.PreLabel;
import org.querent.store.DecisionRepository.HistoryEntry;
import org.querent.store.ItemRecord;
import org.querent.store.ItemRepository.BrowseCriteria;
import org.querent.store.ItemRepository.BrowseRow;
import org.querent.store.ItemRepository.BrowseScope;

/**
 * The reads behind the data browser: items by filter and search, the filter choices, one item's details.
 * Slow (SQL over every item): call off the UI thread. Filtering happens in SQL; only "predicted as", which
 * depends on predictions held in memory, is applied here.
 */
public final class BrowseQueries {
    private final Project project;
    private Predictions alignedFor;
    private PredictedLabels aligned = PredictedLabels.NONE;

    public BrowseQueries(Project project) {
        this.project = project;
    }

    /** One item in the browser's table, with its pre-label under the current predictions. */
    public record BrowseItem(BrowseRow row, PreLabel predicted) {
        public long id() {
            return row.id();
        }
    }

    /**
     * A query's answer.
     *
     * @param total every item the project knows, for "1,234 of 100,000 items"
     */
    public record Result(List<BrowseItem> items, int total) {
    }

    /** An item with what the detail pane shows. */
    public record ItemDetail(ItemRecord item, List<HistoryEntry> history, Path imageFile, String imageProblem) {
    }

    /** Items that pass the filter and contain the search text (path or text body, case-insensitive). */
    public Result find(BrowseFilter filter, String search, PredictedLabels predicted) {
        List<BrowseRow> rows = project.items().browse(new BrowseCriteria(scopeOf(filter), sqlValueOf(filter), search));
        List<BrowseItem> items = new ArrayList<>(rows.size());
        for (BrowseRow row : rows) {
            PreLabel pre = predicted.of(row.id());
            if (filter.kind() == BrowseFilter.Kind.PREDICTED_AS && !predicts(pre, filter.value())) {
                continue;
            }
            items.add(new BrowseItem(row, pre));
        }
        return new Result(items, project.items().countAll());
    }

    /** The filter choices: fixed ones, then one per label (labelled, predicted when possible), one per annotator. */
    public List<BrowseFilter> filters(boolean withPredictions) {
        List<BrowseFilter> out = new ArrayList<>();
        out.add(BrowseFilter.all());
        out.add(BrowseFilter.of(BrowseFilter.Kind.UNLABELLED));
        out.add(BrowseFilter.of(BrowseFilter.Kind.FLAGGED));
        out.add(BrowseFilter.of(BrowseFilter.Kind.SKIPPED));
        out.add(BrowseFilter.of(BrowseFilter.Kind.QUARANTINED));
        List<String> labels = project.labelNames();
        labels.forEach(l -> out.add(new BrowseFilter(BrowseFilter.Kind.LABELLED_AS, l)));
        if (withPredictions) {
            labels.forEach(l -> out.add(new BrowseFilter(BrowseFilter.Kind.PREDICTED_AS, l)));
        }
        project.decisions().annotators().forEach(a -> out.add(new BrowseFilter(BrowseFilter.Kind.DECIDED_BY, a)));
        return out;
    }

    /**
     * The pre-labels of the labelling session's current predictions. Lining rows up with items costs a query,
     * so the answer is kept until the session's predictions change (a retrain replaces them).
     */
    public synchronized PredictedLabels predictedLabels(Predictions predictions, String modelHash) {
        if (predictions == null || modelHash == null) {
            return PredictedLabels.NONE;
        }
        if (predictions != alignedFor) {
            aligned = PredictedLabels.align(project.items().scoredIds(modelHash), predictions,
                    project.settings().multiLabel());
            alignedFor = predictions;
        }
        return aligned;
    }

    /** The item, its decision history and, for an image, the file to show (or why it cannot be shown). */
    public ItemDetail detail(long itemId) {
        ItemRecord item = project.items().byId(itemId)
                .orElseThrow(() -> QuerentException.notFound("no item " + itemId + " in the project"));
        List<HistoryEntry> history = project.decisions().historyWithRounds(itemId);
        if (item.kind() != ItemKind.IMAGE) {
            return new ItemDetail(item, history, null, null);
        }
        try {
            Path file = project.dataRoot().resolve(item.path()).normalize();
            return Files.isRegularFile(file) ? new ItemDetail(item, history, file, null)
                    : new ItemDetail(item, history, null, "the file is missing: " + file);
        } catch (QuerentException e) {
            return new ItemDetail(item, history, null, e.getMessage());
        }
    }

    private static boolean predicts(PreLabel pre, String label) {
        return pre != null && Arrays.asList(pre.labels().split(",")).contains(label);
    }

    private static BrowseScope scopeOf(BrowseFilter filter) {
        return switch (filter.kind()) {
            case ALL, PREDICTED_AS -> BrowseScope.ALL;
            case UNLABELLED -> BrowseScope.UNLABELLED;
            case LABELLED_AS -> BrowseScope.LABELLED_AS;
            case FLAGGED -> BrowseScope.FLAGGED;
            case SKIPPED -> BrowseScope.SKIPPED;
            case QUARANTINED -> BrowseScope.QUARANTINED;
            case DECIDED_BY -> BrowseScope.DECIDED_BY;
        };
    }

    private static String sqlValueOf(BrowseFilter filter) {
        return filter.kind() == BrowseFilter.Kind.PREDICTED_AS ? null : filter.value();
    }
}
