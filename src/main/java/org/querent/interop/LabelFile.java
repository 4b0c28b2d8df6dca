package org.querent.interop;

import java.util.List;

/**
 * What a label file holds.
 *
 * @param format  csv, prodigy, jsonl (Querent's own) or label-studio
 * @param unit    what {@link LabelRow#line} counts: "line" or "task"
 * @param rows    labels and predictions, in file order
 * @param skipped rows that carry no label (Prodigy reject or ignore answers, cancelled annotations), with why
 */
public record LabelFile(String format, String unit, List<LabelRow> rows, List<Skipped> skipped) {
    public LabelFile {
        rows = List.copyOf(rows);
        skipped = List.copyOf(skipped);
    }

    /** A row that was read but holds no label to import. */
    public record Skipped(int line, String reason) {
    }
}
