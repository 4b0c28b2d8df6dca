package org.querent.session.setup;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.querent.ingest.QuarantinedItem;

/**
 * What a scan of the dataset folder found, for the first page of the wizard.
 *
 * @param folder       the scanned folder, absolute
 * @param images       readable images
 * @param texts        readable text files
 * @param tableRows    readable rows of .csv/.jsonl files
 * @param unsupported  skipped files per lower-case extension
 * @param quarantined  files and rows that cannot be used, with reasons
 * @param classFolders first-level sub-folders holding readable items, sorted (the DIR/label/file layout)
 * @param clips        readable audio clips
 */
public record DatasetSummary(Path folder, int images, int texts, int tableRows, Map<String, Integer> unsupported,
                             List<QuarantinedItem> quarantined, List<String> classFolders, int clips) {

    public DatasetSummary(Path folder, int images, int texts, int tableRows, Map<String, Integer> unsupported,
                          List<QuarantinedItem> quarantined, List<String> classFolders) {
        this(folder, images, texts, tableRows, unsupported, quarantined, classFolders, 0);
    }

    public DatasetSummary {
        unsupported = Map.copyOf(unsupported);
        quarantined = List.copyOf(quarantined);
        classFolders = List.copyOf(classFolders);
    }

    public int usable() {
        return images + texts + tableRows + clips;
    }

    public boolean hasText() {
        return texts + tableRows > 0;
    }

    public int unsupportedCount() {
        return unsupported.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Class sub-folders are offered as labels only when there are at least two of them. */
    public boolean hasClassFolders() {
        return classFolders.size() >= 2;
    }

    /** One line a user reads: "12 texts, 3 images, 0 table rows · 1 unsupported file (.docx) · 2 quarantined". */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(count(texts, "text", "texts")).append(", ").append(count(images, "image", "images")).append(", ")
                .append(count(tableRows, "table row", "table rows"));
        if (clips > 0) {
            s.append(", ").append(count(clips, "audio clip", "audio clips"));
        }
        if (unsupportedCount() > 0) {
            s.append(" · ").append(count(unsupportedCount(), "unsupported file", "unsupported files")).append(" (")
                    .append(unsupported.keySet().stream().sorted().map(e -> e.isEmpty() ? "no extension" : "." + e)
                            .collect(Collectors.joining(", ")))
                    .append(')');
        }
        s.append(" · ").append(quarantined.size()).append(" quarantined");
        if (hasClassFolders()) {
            s.append(" · ").append(count(classFolders.size(), "class folder", "class folders"));
        }
        return s.toString();
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
