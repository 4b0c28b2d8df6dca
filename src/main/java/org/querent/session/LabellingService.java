package org.querent.session;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.store.Decision;
import org.querent.store.DecisionRepository.NewDecision;
import org.querent.store.GuidelineRepository.Guideline;
import org.querent.store.ItemRecord;
import org.querent.store.RoundRepository.Selection;

/**
 * Records decisions: labels, skips, flags, notes and undos. Each call is committed before it returns, and
 * each decision carries who made it, under which guideline, and which round and model chose the item.
 */
public final class LabellingService {
    private final Project project;

    public LabellingService(Project project) {
        this.project = project;
    }

    /** Finds an item by id, by its key (path or path#row), or by its path. */
    public ItemRecord findItem(String reference) {
        Optional<ItemRecord> found = Optional.empty();
        if (reference.chars().allMatch(Character::isDigit) && !reference.isEmpty()) {
            found = project.items().byId(Long.parseLong(reference));
        }
        if (found.isEmpty()) {
            found = project.items().byKey(reference.replace('\\', '/'));
        }
        return found.orElseThrow(() -> QuerentException.notFound("no item '" + reference
                + "' in the project: give an item id or its path relative to the dataset folder (see 'querent queue')"));
    }

    /**
     * Labels an item. The pre-label shown is the one its latest round recorded, so "accepted" is true when
     * the labels equal it.
     */
    public Decision label(long itemId, List<String> labels, String annotator) {
        return label(itemId, labels, annotator, null);
    }

    /** The pre-label a person was shown, when the caller knows it better than the item's round does. */
    public record Shown(String preLabel, Double confidence, Integer modelVersion) {
    }

    /**
     * Labels an item; {@code shown} (nullable) is the pre-label on screen, which wins over the one the
     * item's round recorded (a retrain may have refreshed it). The round stays the one that selected it.
     */
    public Decision label(long itemId, List<String> labels, String annotator, Shown shown) {
        ItemRecord item = requireLabellable(itemId);
        List<String> clean = validateLabels(labels);
        Optional<Selection> selection = project.rounds().latestSelection(item.id());
        String preLabel = shown != null ? shown.preLabel() : selection.map(Selection::preLabel).orElse(null);
        Double confidence = shown != null ? shown.confidence() : selection.map(Selection::confidence).orElse(null);
        Integer modelVersion = shown != null ? shown.modelVersion() : selection.map(Selection::modelVersion).orElse(null);
        Boolean accepted = preLabel == null ? null : String.join(",", clean).equals(preLabel);
        return project.decisions().append(new NewDecision(item.id(), "label", clean, annotator, accepted, preLabel,
                confidence, selection.map(Selection::roundId).orElse(null), guidelineVersion(), modelVersion, null, null,
                "annotator"));
    }

    /** Sets an item aside without a label; it leaves the queue until someone labels it. */
    public Decision skip(long itemId, String annotator) {
        return aside(itemId, "skip", null, annotator);
    }

    /** Flags an item for review (escalation) with a reason. */
    public Decision flag(long itemId, String reason, String annotator) {
        if (reason == null || reason.isBlank()) {
            throw QuerentException.usage("a flag needs a reason, so the reviewer knows what to look at");
        }
        return aside(itemId, "flag", reason, annotator);
    }

    /** Adds a note to an item's history without changing its label. */
    public Decision note(long itemId, String text, String annotator) {
        ItemRecord item = project.items().byId(itemId).orElseThrow(() -> QuerentException.notFound("no item " + itemId));
        return project.decisions().append(new NewDecision(item.id(), "note", null, annotator, null, null, null, null,
                guidelineVersion(), null, null, text, "annotator"));
    }

    /** Reverts the annotator's newest decision that is still in force; returns the decision undone. */
    public Decision undo(String annotator) {
        Decision last = project.decisions().lastLiveOf(annotator).orElseThrow(() -> QuerentException.usage(
                "nothing to undo for annotator '" + annotator + "'"));
        project.decisions().append(new NewDecision(last.itemId(), "undo", null, annotator, null, null, null, null,
                guidelineVersion(), null, last.id(), null, "annotator"));
        return last;
    }

    private Decision aside(long itemId, String kind, String note, String annotator) {
        ItemRecord item = requireLabellable(itemId);
        Optional<Selection> selection = project.rounds().latestSelection(item.id());
        return project.decisions().append(new NewDecision(item.id(), kind, null, annotator, null,
                selection.map(Selection::preLabel).orElse(null), selection.map(Selection::confidence).orElse(null),
                selection.map(Selection::roundId).orElse(null), guidelineVersion(),
                selection.map(Selection::modelVersion).orElse(null), null, note, "annotator"));
    }

    private ItemRecord requireLabellable(long itemId) {
        ItemRecord item = project.items().byId(itemId).orElseThrow(() -> QuerentException.notFound("no item " + itemId));
        if (!item.active()) {
            throw QuerentException.usage("item " + item.id() + " (" + item.key() + ") is " + item.state()
                    + (item.quarantineReason() == null ? "" : ": " + item.quarantineReason())
                    + "; fix or replace the file and run 'querent import' again");
        }
        return item;
    }

    private List<String> validateLabels(List<String> labels) {
        List<String> known = project.labelNames();
        List<String> clean = new ArrayList<>(new LinkedHashSet<>(labels.stream().map(String::trim)
                .filter(s -> !s.isEmpty()).toList()));
        if (clean.isEmpty()) {
            throw QuerentException.usage("no label given: choose from " + String.join(", ", known));
        }
        for (String label : clean) {
            if (!known.contains(label)) {
                throw QuerentException.usage("unknown label '" + label + "': the taxonomy has " + String.join(", ", known));
            }
        }
        if (!project.settings().multiLabel() && clean.size() > 1) {
            throw QuerentException.usage("this project is single-label, got " + clean.size() + " labels ("
                    + String.join(",", clean) + "): give exactly one");
        }
        // Keep the taxonomy's order so "a,b" and "b,a" are the same decision.
        clean.sort((a, b) -> Integer.compare(known.indexOf(a), known.indexOf(b)));
        return clean;
    }

    private Integer guidelineVersion() {
        return project.guidelines().current().map(Guideline::version).orElse(null);
    }
}
