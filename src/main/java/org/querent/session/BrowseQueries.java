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
import org.querent.store.BrowseReads;
import org.querent.store.BrowseReads.BrowseCriteria;
import org.querent.store.BrowseReads.BrowseRow;
import org.querent.store.BrowseReads.BrowseScope;
import org.querent.store.DecisionRepository.HistoryEntry;
import org.querent.store.ItemRecord;

/**
 * The reads behind the data browser: a page of items by filter and search, how many match, the filter choices,
 * one item's details. Call off the UI thread. Pages are keyset pages in item id order (ADR 0024), so the first
 * page of a million items costs what the first page of a hundred does. Filtering happens in SQL; "predicted as",
 * which depends on predictions held in memory, pages over the ids those predictions name.
 */
public final class BrowseQueries {
    private final Project project;
    private final BrowseReads reads;
    private Predictions alignedFor;
    private PredictedLabels aligned = PredictedLabels.NONE;
    private PredictedLabels idsFor;
    private String idsLabel;
    private long[] predictedIds = new long[0];

    public BrowseQueries(Project project) {
        this.project = project;
        this.reads = new BrowseReads(project.database());
    }

    /** One item in the browser's table, with its pre-label under the current predictions. */
    public record BrowseItem(BrowseRow row, PreLabel predicted) {
        public long id() {
            return row.id();
        }
    }

    /**
     * Where a page starts: after an item id (0: the first page) or just before one (the page before a page).
     * Ids, not offsets, so a page stays put while decisions move other items in or out of the filter.
     */
    public record Cursor(boolean forward, long id) {
        public static final Cursor FIRST = new Cursor(true, 0);

        public static Cursor after(long id) {
            return new Cursor(true, id);
        }

        public static Cursor before(long id) {
            return new Cursor(false, id);
        }

        public boolean isFirst() {
            return forward && id == 0;
        }
    }

    /**
     * One page of a query's answer.
     *
     * @param at          the cursor that was asked for; {@link #next} and {@link #previous} lead on
     * @param hasPrevious whether matching items come before this page
     * @param hasNext     whether matching items come after it
     * @param total       every item the project knows, for "1,234 of 100,000 items"
     */
    public record Page(List<BrowseItem> items, Cursor at, boolean hasPrevious, boolean hasNext, int total) {
        public Cursor next() {
            return items.isEmpty() ? at : Cursor.after(items.get(items.size() - 1).id());
        }

        public Cursor previous() {
            return items.isEmpty() ? Cursor.FIRST : Cursor.before(items.get(0).id());
        }

        /** Whether this page is all there is, so its size is the count of matches. */
        public boolean isWhole() {
            return !hasPrevious && !hasNext;
        }
    }

    /** An item with what the detail pane shows. */
    public record ItemDetail(ItemRecord item, List<HistoryEntry> history, Path imageFile, String imageProblem) {
    }

    /**
     * Up to {@code limit} items from the cursor on that pass the filter and contain the search text (path or text
     * body, case-insensitive), in item id order. A cursor whose page has emptied (its items left the filter) gives
     * the page on the other side of it instead, so a refresh never strands the person on an empty page.
     */
    public Page page(BrowseFilter filter, String search, PredictedLabels predicted, Cursor at, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one item");
        }
        Source source = sourceOf(filter, search, predicted);
        Page page = read(source, predicted, at, limit);
        if (page.items().isEmpty() && !at.isFirst()) {
            Cursor turned = at.forward() ? Cursor.before(at.id() + 1) : Cursor.after(at.id() - 1);
            Page other = read(source, predicted, turned, limit);
            if (!other.items().isEmpty()) {
                return other;
            }
        }
        return page;
    }

    /** How many items pass the filter and contain the search text: a walk of them all, so ask after the page. */
    public int count(BrowseFilter filter, String search, PredictedLabels predicted) {
        if (filter.kind() == BrowseFilter.Kind.PREDICTED_AS) {
            return reads.countOfIds(predictedIds(predicted, filter.value()), search);
        }
        return reads.count(criteria(filter, search));
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

    // ---- paging ------------------------------------------------------------------------------------------

    /** Matching rows on either side of an id, in id order; {@code n} of them at most. */
    private interface Source {
        List<BrowseRow> after(long id, int n);

        List<BrowseRow> before(long id, int n);
    }

    private Page read(Source source, PredictedLabels predicted, Cursor at, int limit) {
        List<BrowseRow> rows;
        boolean hasPrevious;
        boolean hasNext;
        if (at.forward()) {
            rows = source.after(at.id(), limit + 1);
            hasNext = rows.size() > limit;
            rows = hasNext ? rows.subList(0, limit) : rows;
            hasPrevious = !at.isFirst() && !rows.isEmpty() && !source.before(rows.get(0).id(), 1).isEmpty();
        } else {
            rows = source.before(at.id(), limit + 1);
            hasPrevious = rows.size() > limit;
            rows = hasPrevious ? rows.subList(rows.size() - limit, rows.size()) : rows;
            hasNext = !rows.isEmpty() && !source.after(rows.get(rows.size() - 1).id(), 1).isEmpty();
        }
        List<BrowseItem> items = new ArrayList<>(rows.size());
        for (BrowseRow row : rows) {
            items.add(new BrowseItem(row, predicted.of(row.id())));
        }
        return new Page(List.copyOf(items), at, hasPrevious, hasNext, reads.countAll());
    }

    private Source sourceOf(BrowseFilter filter, String search, PredictedLabels predicted) {
        if (filter.kind() == BrowseFilter.Kind.PREDICTED_AS) {
            return new PredictedSource(predictedIds(predicted, filter.value()), search);
        }
        BrowseCriteria criteria = criteria(filter, search);
        return new Source() {
            @Override
            public List<BrowseRow> after(long id, int n) {
                return reads.after(criteria, id, n);
            }

            @Override
            public List<BrowseRow> before(long id, int n) {
                return reads.before(criteria, id, n);
            }
        };
    }

    /** Ids the predictions give a label, kept until the predictions or the label change. */
    private synchronized long[] predictedIds(PredictedLabels predicted, String label) {
        if (predicted != idsFor || !label.equals(idsLabel)) {
            predictedIds = predicted.idsPredictedAs(label);
            idsFor = predicted;
            idsLabel = label;
        }
        return predictedIds;
    }

    /**
     * "Predicted as": walks the ascending ids the predictions name, a chunk at a time, and lets SQL keep those
     * that contain the search text, until the page is full or the ids run out.
     */
    private final class PredictedSource implements Source {
        private final long[] ids;
        private final String search;

        PredictedSource(long[] ids, String search) {
            this.ids = ids;
            this.search = search == null ? "" : search.strip();
        }

        @Override
        public List<BrowseRow> after(long id, int n) {
            List<BrowseRow> out = new ArrayList<>();
            int from = insertionPoint(id + 1);
            while (from < ids.length && out.size() < n) {
                int to = Math.min(ids.length, from + chunk(n - out.size()));
                List<BrowseRow> rows = reads.ofIds(Arrays.copyOfRange(ids, from, to), search);
                out.addAll(rows.subList(0, Math.min(rows.size(), n - out.size())));
                from = to;
            }
            return out;
        }

        @Override
        public List<BrowseRow> before(long id, int n) {
            List<BrowseRow> out = new ArrayList<>();
            int to = insertionPoint(id);
            while (to > 0 && out.size() < n) {
                int from = Math.max(0, to - chunk(n - out.size()));
                List<BrowseRow> rows = reads.ofIds(Arrays.copyOfRange(ids, from, to), search);
                int keep = Math.min(rows.size(), n - out.size());
                out.addAll(0, rows.subList(rows.size() - keep, rows.size()));
                to = from;
            }
            return out;
        }

        /** Without a search every id is a row; with one, read more ids than rows wanted, as most will not match. */
        private int chunk(int wanted) {
            return search.isBlank() ? wanted : Math.max(wanted, 4096);
        }

        /** Index of the first id at or above {@code id}. */
        private int insertionPoint(long id) {
            int i = Arrays.binarySearch(ids, id);
            return i >= 0 ? i : -i - 1;
        }
    }

    private static BrowseCriteria criteria(BrowseFilter filter, String search) {
        return new BrowseCriteria(scopeOf(filter), sqlValueOf(filter), search);
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
