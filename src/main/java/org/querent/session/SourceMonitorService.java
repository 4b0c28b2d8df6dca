package org.querent.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;
import org.querent.ingest.SegmentColumn;
import org.querent.project.Project;
import org.querent.store.Decision;
import org.querent.store.ItemRecord;

/**
 * Monitoring by source: per source folder (or per value of a segment column of CSV/JSONL rows), how many items
 * and labels per class, the unbiased audit estimate of accuracy with its interval, and how often pre-labels were
 * accepted; a source that is under-sampled or much less accurate than the rest is called out. Read by
 * {@code status} and, as {@link SourceReport}, by Progress.
 */
public final class SourceMonitorService {
    /** A source is under-sampled when it has fewer than this share of the labels its share of items would give. */
    static final double UNDER_SAMPLED = 0.5;
    /** Below this many expected labels a shortfall is noise, not a finding. */
    static final double MIN_EXPECTED_LABELS = 5;
    /** Audit labels a source needs before its accuracy is compared. */
    static final int MIN_AUDIT_LABELS = 5;

    private final Project project;

    public SourceMonitorService(Project project) {
        this.project = project;
    }

    /**
     * One source's figures.
     *
     * @param audit      accuracy of the pre-labels on its labelled audit picks, pooled over model versions
     * @param acceptance pre-labels accepted among its labels that had one (biased towards hard items: strategy picks)
     */
    public record SourceFigures(String source, int items, int labelled, Map<String, Integer> labelsPerClass,
                                Proportion audit, Proportion acceptance) {
    }

    /** What can stand out about a source. */
    public enum Finding { UNDER_SAMPLED, LESS_ACCURATE }

    /** One thing that stands out about one source, with the sentence that says what to do. */
    public record Callout(String source, Finding finding, String text) {
    }

    /** The figures per source and what stands out. */
    public record SourceReport(String groupedBy, List<SourceFigures> sources, List<Callout> callouts) {
    }

    /**
     * The columns (CSV header names, JSONL field names of the first row) of the table files this project's rows
     * came from, in the order first seen: the segments Progress offers beside the source folder. Reads the files.
     */
    public List<String> segmentColumns() {
        Path root = project.dataRoot();
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String path : project.items().activeTablePaths()) {
            if (seen.add(path)) {
                Path file = root.resolve(path);
                if (Files.isRegularFile(file)) {
                    try {
                        out.addAll(SegmentColumn.columns(file));
                    } catch (IOException e) {
                        throw new QuerentException(ErrorKind.NOT_FOUND, "cannot read " + file + " for its columns: "
                                + e.getMessage(), e);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** By source folder ("(top)" for files at the dataset root). */
    public SourceReport bySource() {
        // ids and sources only: reading every item record (texts included) held the file for seconds at a million
        Map<Long, String> segment = new HashMap<>();
        project.items().activeSources().forEach((id, source) ->
                segment.put(id, source == null || source.isEmpty() ? "(top)" : source));
        return report("source folder", segment);
    }

    /**
     * By the value of a column of CSV rows (or a field of JSONL rows); other items, and rows without a value,
     * count under "(none)". Reads the table files from the dataset folder.
     */
    public SourceReport bySegment(String column) {
        Path root = project.dataRoot();
        Map<String, Map<Integer, String>> files = new HashMap<>();
        Map<Long, String> segment = new HashMap<>();
        boolean found = false;
        for (ItemRecord item : project.items().inState("active")) {
            String value = null;
            if (item.row() >= 0) {
                Map<Integer, String> rows = files.computeIfAbsent(item.path(), path -> readColumn(root.resolve(path), column));
                value = rows.get(item.row());
            }
            found |= value != null;
            segment.put(item.id(), value == null || value.isBlank() ? "(none)" : value);
        }
        if (!found) {
            throw QuerentException.usage("no CSV or JSONL row of this project has a column '" + column
                    + "': give a column name from the files' header (or field name), or leave --segment out");
        }
        return report("segment " + column, segment);
    }

    private static Map<Integer, String> readColumn(Path file, String column) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return SegmentColumn.read(file, column);
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.NOT_FOUND, "cannot read " + file + " for its '" + column + "' column: "
                    + e.getMessage(), e);
        }
    }

    private SourceReport report(String groupedBy, Map<Long, String> segmentOf) {
        Map<String, int[]> items = new TreeMap<>();
        for (Map.Entry<Long, String> e : segmentOf.entrySet()) {
            items.computeIfAbsent(e.getValue(), k -> new int[1])[0]++;
        }
        List<String> labelNames = project.labelNames();
        Map<String, Map<String, Integer>> perClass = new HashMap<>();
        Map<String, int[]> accepted = new HashMap<>();
        Map<String, Integer> labelled = new HashMap<>();
        for (Decision d : project.decisions().currentLabels().values()) {
            String s = segmentOf.get(d.itemId());
            if (s == null) {
                continue;
            }
            labelled.merge(s, 1, Integer::sum);
            Map<String, Integer> counts = perClass.computeIfAbsent(s, k -> new LinkedHashMap<>());
            d.labels().forEach(l -> counts.merge(l, 1, Integer::sum));
            if (d.accepted() != null) {
                int[] a = accepted.computeIfAbsent(s, k -> new int[2]);
                a[0] += d.accepted() ? 1 : 0;
                a[1]++;
            }
        }
        Map<String, int[]> audit = new HashMap<>();
        for (Decision d : new AuditEstimateService(project).auditLabels().values()) {
            String s = segmentOf.get(d.itemId());
            if (s != null) {
                int[] a = audit.computeIfAbsent(s, k -> new int[2]);
                a[0] += d.accepted() ? 1 : 0;
                a[1]++;
            }
        }
        List<SourceFigures> figures = new ArrayList<>();
        for (Map.Entry<String, int[]> e : items.entrySet()) {
            String s = e.getKey();
            Map<String, Integer> classes = new LinkedHashMap<>();
            for (String name : labelNames) {
                classes.put(name, perClass.getOrDefault(s, Map.of()).getOrDefault(name, 0));
            }
            int[] a = audit.getOrDefault(s, new int[2]);
            int[] p = accepted.getOrDefault(s, new int[2]);
            figures.add(new SourceFigures(s, e.getValue()[0], labelled.getOrDefault(s, 0), classes,
                    Proportion.wilson(a[0], a[1]), Proportion.wilson(p[0], p[1])));
        }
        return new SourceReport(groupedBy, List.copyOf(figures), callouts(figures));
    }

    /**
     * Under-sampled: fewer than half the labels its share of items would give (when that is at least 5). Much
     * less accurate: with at least 5 audit labels, its 95% interval lies wholly below the rest's.
     */
    static List<Callout> callouts(List<SourceFigures> figures) {
        List<Callout> out = new ArrayList<>();
        if (figures.size() < 2) {
            return out;
        }
        int allItems = figures.stream().mapToInt(SourceFigures::items).sum();
        int allLabels = figures.stream().mapToInt(SourceFigures::labelled).sum();
        for (SourceFigures f : figures) {
            double expected = allLabels * (f.items() / (double) allItems);
            if (expected >= MIN_EXPECTED_LABELS && f.labelled() < UNDER_SAMPLED * expected) {
                out.add(new Callout(f.source(), Finding.UNDER_SAMPLED, String.format(Locale.ROOT, "%s is under-sampled: %d label(s) where its %d of %d items would "
                        + "give about %.0f; queue with --max-per-source or label more of it", f.source(), f.labelled(),
                        f.items(), allItems, expected)));
            }
            int restRight = 0;
            int restAll = 0;
            for (SourceFigures other : figures) {
                if (other != f) {
                    restRight += other.audit().successes();
                    restAll += other.audit().trials();
                }
            }
            Proportion rest = Proportion.wilson(restRight, restAll);
            if (f.audit().trials() >= MIN_AUDIT_LABELS && rest.trials() >= MIN_AUDIT_LABELS && f.audit().high() < rest.low()) {
                out.add(new Callout(f.source(), Finding.LESS_ACCURATE, String.format(Locale.ROOT, "%s is much less accurate: audit accuracy %s against %s for the "
                        + "rest; look at its items (new kind of data?) and label more of it", f.source(),
                        f.audit().format(), rest.format())));
            }
        }
        return out;
    }
}
