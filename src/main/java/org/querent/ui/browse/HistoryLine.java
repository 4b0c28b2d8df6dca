package org.querent.ui.browse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.querent.store.Decision;
import org.querent.store.DecisionRepository.HistoryEntry;

/**
 * One decision of an item's history, worded for the detail pane.
 *
 * @param what       "Labelled cat", "Skipped", "Flagged: blurry", "Undid decision 12", "Note: ..."
 * @param who        annotator (and "from folders" for seed labels)
 * @param when       local time
 * @param outcome    "accepted pre-label", "corrected pre-label dog (81 %)", or empty
 * @param provenance guideline, round, strategy and model version, as far as known
 * @param undone     a later undo reverted it
 */
record HistoryLine(String what, String who, String when, String outcome, String provenance, boolean undone) {

    static List<HistoryLine> of(List<HistoryEntry> history) {
        Set<Long> undoneIds = new HashSet<>();
        for (HistoryEntry e : history) {
            if (e.decision().undoes() != null) {
                undoneIds.add(e.decision().undoes());
            }
        }
        List<HistoryLine> out = new ArrayList<>();
        for (HistoryEntry e : history) {
            Decision d = e.decision();
            String who = d.annotator() + ("folders".equals(d.origin()) ? " (from folders)" : "");
            out.add(new HistoryLine(what(d), who, DisplayTimes.local(d.decidedAt()), outcome(d), provenance(d, e.strategy()),
                    undoneIds.contains(d.id())));
        }
        return out;
    }

    private static String what(Decision d) {
        return switch (d.kind()) {
            case "label" -> "Labelled " + String.join(", ", d.labels());
            case "skip" -> "Skipped";
            case "flag" -> "Flagged" + (d.note() == null ? "" : ": " + d.note());
            case "note" -> "Note: " + (d.note() == null ? "" : d.note());
            case "undo" -> "Undid decision #" + d.undoes();
            case "escalate" -> "Escalated to the lead" + (d.note() == null ? "" : ": " + d.note());
            case "review" -> "Reviewed" + (d.note() == null ? "" : ": " + d.note());
            default -> d.kind();
        };
    }

    private static String outcome(Decision d) {
        if (d.accepted() == null) {
            return "";
        }
        String confidence = d.preConfidence() == null ? "" : String.format(Locale.ROOT, " (%.0f %%)", 100 * d.preConfidence());
        return d.accepted() ? "accepted pre-label" + confidence
                : "corrected pre-label " + d.preLabel() + confidence;
    }

    private static String provenance(Decision d, String strategy) {
        List<String> parts = new ArrayList<>();
        if (d.guidelineVersion() != null) {
            parts.add("guideline v" + d.guidelineVersion());
        }
        if (d.roundId() != null) {
            parts.add("round " + d.roundId() + (strategy == null ? "" : " (" + strategy + ")"));
        }
        if (d.modelVersion() != null) {
            parts.add("model v" + d.modelVersion());
        }
        return String.join(" · ", parts);
    }
}
