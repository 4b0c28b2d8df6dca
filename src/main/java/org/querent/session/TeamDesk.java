package org.querent.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.store.AuditRepository;
import org.querent.store.Escalation;
import org.querent.store.LabelDefinition;
import org.querent.store.Person;
import org.querent.store.ReviewItem;
import org.querent.store.TaxonomyVersion;
import org.querent.team.AgreementService;
import org.querent.team.EscalationService;
import org.querent.team.PeopleService;
import org.querent.team.Permission;
import org.querent.team.ReviewService;
import org.querent.team.Role;
import org.querent.team.TaxonomyService;

/**
 * The team's work on an open project, for the workstation: who the people are and what each may do, the review
 * queue and its verdicts, escalations, taxonomy changes, agreement figures and an item's whole history. Every
 * method reads or writes the project file: call it off the UI thread. The checks are the services' own, so the
 * workstation enforces exactly what the command line does.
 */
public final class TeamDesk {
    private final Project project;
    private final PeopleService people;
    private final ReviewService reviews;
    private final EscalationService escalations;
    private final TaxonomyService taxonomy;
    private final AgreementService agreement;

    public TeamDesk(Project project) {
        this.project = project;
        this.people = new PeopleService(project);
        this.reviews = new ReviewService(project);
        this.escalations = new EscalationService(project);
        this.taxonomy = new TaxonomyService(project);
        this.agreement = new AgreementService(project);
    }

    /** Whether a person may do something, and if not, the sentence that says who may. */
    public record Allowed(boolean allowed, String whyNot) {
        public static final Allowed YES = new Allowed(true, "");
    }

    /**
     * Who is working and what their role lets them do.
     *
     * @param role null when the project has no people (one person's project: everything is allowed)
     */
    public record Identity(String name, Role role, Allowed review, Allowed changeTaxonomy, Allowed escalate,
                           Allowed resolve, Allowed adjudicate) {
        public boolean inTeam() {
            return role != null;
        }

        /** "ana (reviewer)", or the name alone in a one-person project. */
        public String describe() {
            return role == null ? name : name + " (" + role.id() + ")";
        }
    }

    /**
     * What the review queue shows; null fields do not filter, each flag narrows it (see
     * {@link ReviewService.QueueFilter}; low agreement here is "the annotators are not unanimous").
     */
    public record ReviewFilter(String annotator, String label, String source, boolean correctedOnly,
                               boolean lowAgreement, boolean flagged, boolean escalated) {
        public static final ReviewFilter ALL = new ReviewFilter(null, null, null, false, false, false, false);

        public ReviewFilter(String annotator, String label, String source, boolean correctedOnly) {
            this(annotator, label, source, correctedOnly, false, false, false);
        }
    }

    /** One event of an item's history, worded for a person (from the audit trail's columns). */
    public record HistoryEvent(String at, String person, String role, String what, String detail) {
    }

    // ---- people ------------------------------------------------------------------------------------------

    public boolean isTeam() {
        return people.isTeam();
    }

    public List<Person> people() {
        return people.people();
    }

    public Identity identify(String name) {
        return new Identity(name, people.roleOf(name).orElse(null), may(name, Permission.REVIEW),
                may(name, Permission.CHANGE_TAXONOMY), may(name, Permission.ESCALATE),
                may(name, Permission.RESOLVE_ESCALATION), may(name, Permission.ADJUDICATE));
    }

    public Allowed may(String name, Permission permission) {
        try {
            people.require(name, permission);
            return Allowed.YES;
        } catch (QuerentException e) {
            return new Allowed(false, e.getMessage());
        }
    }

    /** Adds a person (the first one must be a lead; later ones are added by a lead). */
    public Person register(String name, Role role, String addedBy, String reason) {
        return people.assign(name, role, addedBy == null ? name : addedBy, reason);
    }

    // ---- review ------------------------------------------------------------------------------------------

    public List<ReviewItem> reviewQueue(String reviewer, ReviewFilter f, int limit) {
        return reviews.queue(reviewer, new ReviewService.QueueFilter(f.annotator(), f.label(), f.source(),
                f.correctedOnly(), f.lowAgreement() ? AgreementService.LOW_AGREEMENT_BELOW : null, f.flagged(),
                f.escalated()), limit);
    }

    /** The choices of the review filters: annotators and source folders of labels waiting for this reviewer. */
    public record FilterChoices(List<String> annotators, List<String> sources) {
    }

    public FilterChoices filterChoices(String reviewer) {
        TreeSet<String> annotators = new TreeSet<>();
        TreeSet<String> sources = new TreeSet<>();
        for (ReviewItem r : reviewQueue(reviewer, ReviewFilter.ALL, 100_000)) {
            annotators.add(r.annotator());
            if (r.source() != null) {
                sources.add(r.source());
            }
        }
        return new FilterChoices(List.copyOf(annotators), List.copyOf(sources));
    }

    public void approve(long itemId, String reviewer, String note) {
        reviews.approve(itemId, reviewer, note);
    }

    public void change(long itemId, List<String> labels, String reviewer, String reason) {
        reviews.change(itemId, labels, reviewer, reason);
    }

    public void reject(long itemId, String reviewer, String reason) {
        reviews.reject(itemId, reviewer, reason);
    }

    public int waitingForReview() {
        return reviews.waitingForReview();
    }

    // ---- escalation --------------------------------------------------------------------------------------

    public List<Escalation> openEscalations() {
        return escalations.open();
    }

    public void resolve(long itemId, List<String> labels, String note, String lead) {
        escalations.resolve(itemId, labels, note, lead);
    }

    // ---- taxonomy ----------------------------------------------------------------------------------------

    public List<LabelDefinition> labels() {
        return project.taxonomy().labels();
    }

    public List<TaxonomyVersion> taxonomyHistory() {
        return taxonomy.history();
    }

    /** The change a lead asks for in the taxonomy editor. */
    public enum TaxonomyChange { ADD, RENAME, DESCRIBE, REKEY, MERGE, RETIRE }

    /**
     * Applies one change and publishes a taxonomy version.
     *
     * @param label the label changed (the new label's name for ADD)
     * @param value the new name (RENAME), description (ADD, DESCRIBE), key (REKEY; blank clears) or target (MERGE)
     */
    public TaxonomyService.Change changeTaxonomy(TaxonomyChange change, String label, String value, String lead,
                                                 String reason) {
        return switch (change) {
            case ADD -> taxonomy.add(label, value, null, lead, reason);
            case RENAME -> taxonomy.rename(label, value, lead, reason);
            case DESCRIBE -> taxonomy.describe(label, value, lead, reason);
            case REKEY -> taxonomy.rekey(label, value, lead, reason);
            case MERGE -> taxonomy.merge(label, value, lead, reason);
            case RETIRE -> taxonomy.retire(label, lead, reason);
        };
    }

    public int taxonomyVersion() {
        return taxonomy.currentVersion();
    }

    // ---- agreement and history ---------------------------------------------------------------------------

    public AgreementService.Report agreement() {
        return agreement.report();
    }

    /** A disagreement waiting for the lead, with the item's path. */
    public record Disagreement(long itemId, String path, Map<String, List<String>> answers) {
    }

    /** The lead's adjudication queue: items on which annotators disagree, not adjudicated yet. */
    public List<Disagreement> disagreements() {
        List<Disagreement> out = new ArrayList<>();
        for (AgreementService.Disagreement d : agreement.adjudicationQueue()) {
            String path = project.items().byId(d.itemId()).map(org.querent.store.ItemRecord::key).orElse("item " + d.itemId());
            out.add(new Disagreement(d.itemId(), path, d.answers()));
        }
        return out;
    }

    /** The lead's label for a disagreement, with a note; it becomes the item's current label. */
    public void adjudicate(long itemId, List<String> labels, String note, String lead) {
        agreement.adjudicate(itemId, labels, note, lead);
    }

    /** Every event of an item, oldest first: labels as given and as they read now, reviews, escalations. */
    public List<HistoryEvent> history(long itemId) {
        List<HistoryEvent> out = new ArrayList<>();
        for (Map<String, Object> e : new AuditRepository(project.database()).eventsOf(itemId)) {
            out.add(new HistoryEvent(text(e.get("at")), text(e.get("person")), text(e.get("role")), what(e), detail(e)));
        }
        return out;
    }

    private static String what(Map<String, Object> e) {
        String kind = text(e.get("kind"));
        String given = labels(e.get("labels_given"));
        String now = labels(e.get("labels_now"));
        String undone = truthy(e.get("undone")) ? " (undone)" : "";
        return switch (kind) {
            case "label" -> {
                String origin = text(e.get("origin"));
                String by = switch (origin) {
                    case "review" -> "Changed in review to ";
                    case "escalation" -> "Resolved the escalation as ";
                    case "adjudication" -> "Adjudicated as ";
                    default -> "Labelled ";
                };
                yield by + given + (now.equals(given) || now.isEmpty() && given.isEmpty() ? ""
                        : now.isEmpty() ? " (label retired since)" : " (now reads " + now + ")") + undone;
            }
            case "review" -> switch (text(e.get("verdict"))) {
                case "approve" -> "Approved the label";
                case "change" -> "Changed the label";
                case "reject" -> "Rejected the label";
                default -> "Reviewed";
            } + undone;
            case "escalate" -> "Escalated to the lead" + undone;
            case "skip" -> "Skipped" + undone;
            case "flag" -> "Flagged" + undone;
            case "note" -> "Note" + undone;
            case "undo" -> "Undid a decision";
            default -> kind + undone;
        };
    }

    private static String detail(Map<String, Object> e) {
        List<String> parts = new ArrayList<>();
        Optional.ofNullable(e.get("note")).map(Object::toString).filter(s -> !s.isBlank()).ifPresent(n -> parts.add("“" + n + "”"));
        if ("label".equals(e.get("kind"))) {
            Optional.ofNullable(e.get("pre_label_decision")).ifPresent(d -> parts.add(d + " pre-label " + text(e.get("pre_label"))));
            Optional.ofNullable(e.get("review_status")).ifPresent(s -> parts.add(s.toString()));
        }
        Optional.ofNullable(e.get("guideline_version")).ifPresent(v -> parts.add("guideline v" + v));
        Optional.ofNullable(e.get("taxonomy_version")).ifPresent(v -> parts.add("taxonomy v" + v));
        Optional.ofNullable(e.get("model_version")).ifPresent(v -> parts.add("model v" + v));
        Optional.ofNullable(e.get("strategy")).ifPresent(s -> parts.add("chosen by " + s));
        return String.join(" · ", parts);
    }

    private static String labels(Object json) {
        if (json == null) {
            return "";
        }
        return String.join(", ", org.querent.store.Json.stringList(json.toString()));
    }

    private static boolean truthy(Object value) {
        return value != null && !"0".equals(value.toString()) && !"false".equals(value.toString());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
