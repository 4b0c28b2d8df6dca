package org.querent.team;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.store.AgreementRepository;
import org.querent.store.GuidelineRepository.Guideline;
import org.querent.store.TeamDecisionRepository;
import org.querent.store.TeamDecisionRepository.TeamEvent;

/**
 * Agreement between annotators on items two or more of them labelled, and the lead's adjudication of the
 * disagreements (recorded as label decisions with origin "adjudication"). Overall figures treat an item's label
 * set as one category; per-label figures ask "this label or not", which is the statistic for multi-label projects.
 */
public final class AgreementService {
    public static final String ADJUDICATION_ORIGIN = "adjudication";

    private final Project project;
    private final AgreementRepository answers;

    public AgreementService(Project project) {
        this.project = project;
        this.answers = new AgreementRepository(project.database());
    }

    /** Agreement for one label against the rest. */
    public record LabelAgreement(String label, double percent, double fleiss, double alpha) {
    }

    /** The figures behind `querent agreement` and the Progress panel. */
    public record Report(int itemsWithTwoOrMore, int disagreements, double percent, double fleiss, double alpha,
                         List<AgreementStatistics.PairKappa> pairs, List<LabelAgreement> perLabel) {
    }

    /** One item where annotators disagree, with what each said. */
    public record Disagreement(long itemId, Map<String, List<String>> answers) {
    }

    /**
     * The review queue's "low agreement" default: an item is low when its annotators are not unanimous (the share
     * of annotator pairs that give the same labels is below 1).
     */
    public static final double LOW_AGREEMENT_BELOW = 1.0;

    public Report report() {
        Map<Long, Map<String, List<String>>> shared = shared();
        Map<Long, Map<String, String>> asCategories = asCategories(shared);
        List<LabelAgreement> perLabel = new ArrayList<>();
        for (String label : project.labelNames()) {
            Map<Object, Map<String, String>> binary = AgreementStatistics.oneVsRest(shared, label);
            perLabel.add(new LabelAgreement(label, AgreementStatistics.percentAgreement(binary),
                    AgreementStatistics.fleiss(binary), AgreementStatistics.krippendorffNominal(binary)));
        }
        int disagreements = (int) asCategories.values().stream().filter(u -> new HashSet<>(u.values()).size() > 1).count();
        return new Report(shared.size(), disagreements, AgreementStatistics.percentAgreement(asCategories),
                AgreementStatistics.fleiss(asCategories), AgreementStatistics.krippendorffNominal(asCategories),
                AgreementStatistics.cohenPerPair(asCategories), perLabel);
    }

    /**
     * Items labelled by two or more annotators whose own current labels agree on fewer than {@code below} of their
     * pairs (the item's percent agreement, label sets compared whole, read through the taxonomy versions).
     */
    public Set<Long> lowAgreementItems(double below) {
        if (!(below > 0 && below <= 1)) {
            throw QuerentException.usage("an agreement threshold (--agreement-below) is a share of annotator pairs above 0 and at most 1 "
                    + "(1: any disagreement), got " + below);
        }
        Set<Long> out = new java.util.TreeSet<>();
        asCategories(shared()).forEach((item, unit) -> {
            if (AgreementStatistics.itemAgreement(unit) < below) {
                out.add(item);
            }
        });
        return out;
    }

    private static Map<Long, Map<String, String>> asCategories(Map<Long, Map<String, List<String>>> shared) {
        Map<Long, Map<String, String>> out = new LinkedHashMap<>();
        shared.forEach((item, unit) -> {
            Map<String, String> u = new TreeMap<>();
            unit.forEach((a, labels) -> u.put(a, String.join(",", labels.stream().sorted().toList())));
            out.put(item, u);
        });
        return out;
    }

    /** The lead's adjudication queue: disagreements not adjudicated yet, by item id. */
    public List<Disagreement> adjudicationQueue() {
        Set<Long> adjudicated = answers.adjudicatedItems();
        List<Disagreement> out = new ArrayList<>();
        shared().forEach((item, unit) -> {
            Set<Set<String>> distinct = new HashSet<>();
            unit.values().forEach(l -> distinct.add(new HashSet<>(l)));
            if (distinct.size() > 1 && !adjudicated.contains(item)) {
                out.add(new Disagreement(item, unit));
            }
        });
        return out;
    }

    /** Records the lead's label for a disagreement; it becomes the item's current label. */
    public String adjudicate(long itemId, List<String> labels, String note, String lead) {
        new PeopleService(project).require(lead, Permission.ADJUDICATE);
        if (adjudicationQueue().stream().noneMatch(d -> d.itemId() == itemId)) {
            throw QuerentException.usage("item " + itemId + " has no disagreement waiting: see 'querent adjudication "
                    + project.file().getFileName() + "'");
        }
        if (note == null || note.isBlank()) {
            throw QuerentException.usage("an adjudication needs a note (--note \"...\"), so the annotators learn why");
        }
        List<String> clean = LabelChoice.validate(project, labels);
        Integer guideline = project.guidelines().current().map(Guideline::version).orElse(null);
        return new TeamDecisionRepository(project.database(), project.clock()).append(new TeamEvent(itemId, "label",
                clean, lead, note.trim(), ADJUDICATION_ORIGIN, null, null, guideline));
    }

    private Map<Long, Map<String, List<String>>> shared() {
        Map<Long, Map<String, List<String>>> out = new LinkedHashMap<>();
        answers.labelsByAnnotator().forEach((item, unit) -> {
            if (unit.size() >= 2) {
                out.put(item, unit);
            }
        });
        return out;
    }
}
