package org.querent.session;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.querent.common.Hashes;
import org.querent.common.ItemKind;
import org.querent.common.QuerentException;
import org.querent.interop.ItemLocator;
import org.querent.interop.LabelFile;
import org.querent.interop.LabelFiles;
import org.querent.interop.LabelRow;
import org.querent.project.Project;
import org.querent.store.InterchangeRepository;
import org.querent.store.InterchangeRepository.ImportedLabel;
import org.querent.store.InterchangeRepository.ImportedPrediction;
import org.querent.store.ItemRecord;

/**
 * Brings labels and predictions from another tool's file into a project: each row is matched to an item (by key,
 * path, image name or text), checked against the taxonomy, and stored as a label decision with its origin,
 * annotator and time, or as an external pre-label. All rows go in one transaction; rows seen before add nothing.
 */
public final class LabelImportService {
    /** Unmatched rows named in the refusal. */
    static final int MAX_NAMED = 10;

    private final Project project;
    private final InterchangeRepository repository;

    public LabelImportService(Project project) {
        this.project = project;
        this.repository = new InterchangeRepository(project.database(), project.clock());
    }

    /** A row that names no item of the project, or a label outside the taxonomy. */
    public record Unmatched(int line, String reason) {
    }

    /**
     * What the import did (or, for a preview, would do).
     *
     * @param already rows imported before (identical content): nothing added for them
     */
    public record Report(String format, String unit, int rows, int labelsAdded, int predictionsAdded, int already,
                         List<Unmatched> unmatched, List<LabelFile.Skipped> skipped, boolean written) {
    }

    /**
     * One row as the file gives it and what the import makes of it, for the workstation's preview.
     *
     * @param problem why the row would not be imported (no item, a label outside the taxonomy), or null when it matches
     * @param already the same row was imported before (or is the item's label already)
     */
    public record PreviewRow(LabelRow row, String problem, boolean already) {
    }

    /** What an import would do, with its first rows as parsed; nothing is written. */
    public record Preview(Report report, List<PreviewRow> firstRows) {
    }

    /**
     * @param defaultAnnotator who labelled, for rows that do not say
     * @param skipUnmatched    import the matched rows even when some rows match nothing (otherwise nothing is imported)
     * @param dryRun           match and count only
     */
    public Report importFile(Path file, boolean asPredictions, String predictionsModelVersion, String defaultAnnotator,
                             boolean skipUnmatched, boolean dryRun) {
        return run(file, asPredictions, predictionsModelVersion, defaultAnnotator, skipUnmatched, dryRun, 0).report();
    }

    /** Reads and matches the file as {@link #importFile} would, writing nothing; keeps the first {@code rows} rows. */
    public Preview preview(Path file, boolean asPredictions, String predictionsModelVersion, String defaultAnnotator,
                           int rows) {
        return run(file, asPredictions, predictionsModelVersion, defaultAnnotator, true, true, rows);
    }

    private Preview run(Path file, boolean asPredictions, String predictionsModelVersion, String defaultAnnotator,
                        boolean skipUnmatched, boolean dryRun, int keepRows) {
        LabelFile read = LabelFiles.read(file, asPredictions, predictionsModelVersion);
        Matcher matcher = new Matcher(project.items().inState("active"));
        List<String> taxonomy = project.labelNames();
        List<ImportedLabel> labels = new ArrayList<>();
        List<ImportedPrediction> predictions = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        List<PreviewRow> first = new ArrayList<>();
        int already = 0;
        InterchangeRepository.Known known = repository.known();
        Map<Long, org.querent.store.Decision> current = project.decisions().currentLabels();
        String origin = "import:" + read.format();
        for (LabelRow row : read.rows()) {
            String problem = null;
            boolean seen = false;
            List<String> unknown = row.labels().stream().filter(l -> !taxonomy.contains(l)).toList();
            Matcher.Match match = null;
            if (!unknown.isEmpty()) {
                problem = "label " + String.join(", ", unknown.stream().map(l -> "'" + l + "'").toList())
                        + " is not in the taxonomy (" + String.join(", ", taxonomy) + ")";
            } else if (row.labels().size() > 1 && !project.settings().multiLabel()) {
                problem = row.labels().size() + " labels (" + String.join(", ", row.labels())
                        + ") but the project is single-label";
            } else {
                match = matcher.find(row.item());
                if (match.itemId() == null) {
                    problem = match.reason();
                }
            }
            if (problem != null) {
                unmatched.add(new Unmatched(row.line(), problem));
            } else if (row.prediction()) {
                ImportedPrediction p = new ImportedPrediction(match.itemId(), row.labels(), row.modelVersion(), row.score(),
                        origin);
                seen = known.contains(p);
                if (!seen) {
                    predictions.add(p);
                }
            } else {
                ImportedLabel l = new ImportedLabel(match.itemId(), row.labels(),
                        row.annotator() == null ? defaultAnnotator : row.annotator(), row.decidedAt(), origin, row.note());
                org.querent.store.Decision now = current.get(match.itemId());
                // the same label by the same person is already the item's label (e.g. this project's own export)
                boolean same = now != null && now.labels().equals(l.labels()) && now.annotator().equals(l.annotator());
                seen = same || known.contains(l);
                if (!seen) {
                    labels.add(l);
                }
            }
            already += seen ? 1 : 0;
            if (first.size() < keepRows) {
                first.add(new PreviewRow(row, problem, seen));
            }
        }
        if (!unmatched.isEmpty() && !skipUnmatched && !dryRun) {
            throw QuerentException.usage(file.getFileName() + ": " + unmatched.size() + " of " + read.rows().size()
                    + " rows match no item or label of the project, so nothing was imported: " + describe(read, unmatched)
                    + ". Fix the file, or pass --skip-unmatched to import the " + (read.rows().size() - unmatched.size())
                    + " rows that match");
        }
        boolean write = !dryRun && (!labels.isEmpty() || !predictions.isEmpty());
        int[] added = write ? repository.append(labels, predictions) : new int[] {labels.size(), predictions.size()};
        if (!dryRun && !write) {
            added = new int[] {0, 0};
        }
        return new Preview(new Report(read.format(), read.unit(), read.rows().size(), added[0], added[1], already,
                unmatched, read.skipped(), write), first);
    }

    /** "line 3: no item with path 'x'; line 9: ..." for the first rows. */
    public static String describe(LabelFile file, List<Unmatched> unmatched) {
        List<String> parts = new ArrayList<>();
        for (Unmatched u : unmatched.subList(0, Math.min(MAX_NAMED, unmatched.size()))) {
            parts.add(file.unit() + " " + u.line() + ": " + u.reason());
        }
        return String.join("; ", parts) + (unmatched.size() > MAX_NAMED ? "; ..." : "");
    }

    /** Finds items by what a row says about them. */
    static final class Matcher {
        record Match(Long itemId, String reason) {
        }

        private final Map<String, Long> byKey = new HashMap<>();
        private final Map<String, List<Long>> byPath = new HashMap<>();
        private final Map<String, List<Long>> byFileName = new HashMap<>();
        private final Map<String, List<Long>> byText = new HashMap<>();

        Matcher(List<ItemRecord> items) {
            for (ItemRecord item : items) {
                byKey.put(item.key(), item.id());
                if (item.row() < 0) {
                    byPath.computeIfAbsent(item.path(), k -> new ArrayList<>()).add(item.id());
                    byFileName.computeIfAbsent(fileName(item.path()), k -> new ArrayList<>()).add(item.id());
                }
                if (item.kind() == ItemKind.TEXT && item.body() != null) {
                    byText.computeIfAbsent(textKey(item.body()), k -> new ArrayList<>()).add(item.id());
                }
            }
        }

        Match find(ItemLocator where) {
            if (where.itemKey() != null && byKey.containsKey(where.itemKey())) {
                return new Match(byKey.get(where.itemKey()), null);
            }
            if (where.path() != null) {
                String path = normalisePath(where.path());
                if (byKey.containsKey(path)) {
                    return new Match(byKey.get(path), null);
                }
                if (byPath.containsKey(path)) {
                    return one(byPath.get(path), where);
                }
            }
            String file = where.image() != null ? where.image() : where.audio();
            if ((file == null || file.startsWith("data:")) && where.path() != null) {
                // Prodigy's audio and image loaders inline the file as a data URI and keep its path beside it
                file = where.path();
            }
            if (file != null && !file.startsWith("data:")) {
                String path = normalisePath(file);
                if (byKey.containsKey(path)) {
                    return new Match(byKey.get(path), null);
                }
                Match m = one(byFileName.get(fileName(path)), where);
                int dash = fileName(path).indexOf('-');
                if (m.itemId() == null && dash > 0) {
                    // Label Studio names uploads "<8 hex>-<original name>"
                    m = one(byFileName.get(fileName(path).substring(dash + 1)), where);
                }
                if (m.itemId() != null) {
                    return m;
                }
            }
            if (where.text() != null) {
                Match m = one(byText.get(textKey(where.text())), where);
                if (m.itemId() != null) {
                    return m;
                }
            }
            return new Match(null, "no item of the project has " + where.describe());
        }

        private static Match one(List<Long> ids, ItemLocator where) {
            if (ids == null || ids.isEmpty()) {
                return new Match(null, "no item of the project has " + where.describe());
            }
            // exact duplicates share a text: the first copy is the one that is scored and labelled
            return new Match(ids.get(0), null);
        }

        /** Paths as a URL or a Windows path writes them, relative and with '/' separators. */
        private static String normalisePath(String path) {
            String p = path.replace('\\', '/');
            int query = p.indexOf('?');
            if (query >= 0 && p.contains("://")) {
                p = p.substring(0, query);
            }
            while (p.startsWith("./")) {
                p = p.substring(2);
            }
            return p;
        }

        private static String fileName(String path) {
            int slash = path.lastIndexOf('/');
            return slash < 0 ? path : path.substring(slash + 1);
        }

        /** Texts match when equal after trimming and unifying line ends (exports often drop a final newline). */
        private static String textKey(String text) {
            String t = text.replace("\r\n", "\n").replace('\r', '\n').strip();
            return Hashes.hex(Hashes.sha256().digest(t.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
