package org.querent.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.ingest.DatasetScanner;
import org.querent.ingest.KnownFile;
import org.querent.ingest.QuarantinedItem;
import org.querent.ingest.ScanOptions;
import org.querent.ingest.ScanResult;
import org.querent.project.Project;
import org.querent.store.DecisionRepository.NewDecision;
import org.querent.store.ItemRecord;

/**
 * Scans the dataset folder into the project: adds new files, updates changed ones, marks removed ones,
 * links exact duplicates, and never touches the decisions of unchanged items. Items are stored in batches
 * ({@link ImportWriter}), so an interrupted or cancelled import keeps what it stored and the next one goes on.
 */
public final class ImportService {
    /** The annotator name of labels taken from class sub-folders. */
    public static final String FOLDER_ANNOTATOR = "folders";

    private final Project project;
    private final DatasetScanner scanner = new DatasetScanner();

    public ImportService(Project project) {
        this.project = project;
    }

    /** What an import did. */
    public record Report(int added, int changed, int unchanged, int removed, int quarantinedNow, int duplicates,
                         int seedLabels, List<QuarantinedItem> quarantined, ScanResult scan) {
        public String summary() {
            StringBuilder s = new StringBuilder();
            s.append(String.format("imported: %d new, %d changed, %d unchanged, %d removed; %d quarantined, "
                            + "%d exact duplicates linked", added, changed, unchanged, removed, quarantinedNow,
                    duplicates));
            if (seedLabels > 0) {
                s.append(String.format("; %d labels taken from folders", seedLabels));
            }
            if (!scan.unreadableFolders().isEmpty()) {
                s.append(String.format("; %d folders could not be read (their files were skipped, items known from"
                        + " them kept): %s", scan.unreadableFolders().size(), scan.unreadableFolders().stream()
                        .limit(3).map(QuarantinedItem::key).toList()));
            }
            if (scan.unsupportedCount() > 0) {
                s.append(String.format("; %d files of unsupported types skipped %s", scan.unsupportedCount(),
                        scan.unsupported().keySet()));
            }
            return s.toString();
        }
    }

    public Report run(boolean labelsFromFolders, ProgressListener progress, Cancellation cancel) {
        return run(labelsFromFolders, ScanOptions.defaults(), progress, cancel);
    }

    /** With scan settings of the caller's, e.g. silent audio clips quarantined. */
    public Report run(boolean labelsFromFolders, ScanOptions options, ProgressListener progress, Cancellation cancel) {
        if (org.querent.team.PackService.isPackage(project)) {
            // A scan would pull the whole shared folder into a small package.
            throw org.querent.common.QuerentException.usage(project.file().getFileName() + " is a work package: its items "
                    + "come from the lead's project, so it is not imported; label it and give it back for 'querent merge'");
        }
        Map<String, KnownFile> known = new HashMap<>();
        project.items().knownStamps().forEach((key, stamp) -> known.put(key, new KnownFile(stamp.size(), stamp.modifiedMillis())));
        ImportWriter writer = new ImportWriter(project, project.items().liveCountsByPath(), progress, cancel);
        ScanResult scan;
        try {
            scan = scanner.scan(project.dataRoot(), options, known, writer, writer.fileProgress(), cancel);
            writer.finish();
        } finally {
            writer.restoreIndex();
        }
        int[] counts = writer.counts;
        if (!known.isEmpty() && scan.removed().size() == known.size() && scan.filesRead() == 0
                && scan.unchangedFiles() == 0 && scan.unreadableFolders().isEmpty()) {
            throw DataFolderCheck.emptyFolder(project.dataRoot(), known.size());
        }
        int removed = project.items().markRemoved(scan.removed());
        int duplicates = project.items().linkDuplicates();
        int seeded = labelsFromFolders ? seedLabelsFromFolders() : 0;
        List<ItemRecord> quarantined = project.items().inState("quarantined");
        List<QuarantinedItem> reasons = quarantined.stream()
                .map(i -> new QuarantinedItem(i.key(), i.quarantineReason())).toList();
        return new Report(counts[0], counts[1], counts[2], removed, quarantined.size(), duplicates, seeded, reasons, scan);
    }

    /**
     * Takes DIR/&lt;label&gt;/file as a label for items that have none yet (duplicates follow their original);
     * returns how many were added.
     */
    int seedLabelsFromFolders() {
        Set<Long> labelled = project.decisions().currentLabels().keySet();
        List<String> taxonomy = project.labelNames();
        List<NewDecision> seeds = new ArrayList<>();
        for (ItemRecord item : project.items().inState("active")) {
            if (item.duplicateOf() == null && item.folderLabel() != null && taxonomy.contains(item.folderLabel())
                    && !labelled.contains(item.id())) {
                seeds.add(new NewDecision(item.id(), "label", List.of(item.folderLabel()), FOLDER_ANNOTATOR, null, null,
                        null, null, null, null, null, null, "folders"));
            }
        }
        return project.decisions().appendAll(seeds);
    }
}
