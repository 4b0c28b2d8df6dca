package org.querent.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The caller's known map, grouped by file, and which of its keys this scan has accounted for. Row keys
 * ({@code path#row}) of a .csv/.jsonl file belong to that file; a key under the bare path is the file itself.
 */
final class KnownItems {

    /** Whether a file must be read again. */
    enum FileStatus { NEW, CHANGED, UNCHANGED }

    private static final Pattern ROW_KEY = Pattern.compile("(.+\\.(?i:csv|jsonl))#\\d+");

    private final Map<String, KnownFile> known;
    private final Map<String, List<String>> keysByFile = new HashMap<>();
    private final Set<String> accounted = new HashSet<>();

    KnownItems(Map<String, KnownFile> known) {
        this.known = new HashMap<>(known); // the caller's map may be mutable or hold nulls
        for (String key : this.known.keySet()) {
            keysByFile.computeIfAbsent(filePathOf(key), k -> new ArrayList<>()).add(key);
        }
    }

    /**
     * Unchanged when every known stamp of the file's keys equals its size and modification time. A file whose
     * stamps disagree (rows stamped with the row size, say) is read again: slower, never wrong.
     */
    FileStatus status(FoundFile file) {
        List<String> keys = keysByFile.get(file.path());
        if (keys == null) {
            return FileStatus.NEW;
        }
        KnownFile stamp = file.stamp();
        boolean same = file.statProblem() == null && keys.stream().allMatch(key -> stamp.equals(known.get(key)));
        return same ? FileStatus.UNCHANGED : FileStatus.CHANGED;
    }

    void unchanged(FoundFile file) {
        accounted.addAll(keysByFile.get(file.path()));
    }

    void delivered(String key) {
        if (known.containsKey(key)) { // only known keys can be removed: a new million-row file adds none here
            accounted.add(key);
        }
    }

    /** Known keys neither delivered nor confirmed unchanged, sorted. */
    List<String> removed() {
        return known.keySet().stream().filter(key -> !accounted.contains(key)).sorted().toList();
    }

    static String filePathOf(String key) {
        Matcher row = ROW_KEY.matcher(key);
        return row.matches() ? row.group(1) : key;
    }
}
