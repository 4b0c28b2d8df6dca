package org.querent.team;

import java.util.List;

import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.store.Escalation;
import org.querent.store.GuidelineRepository.Guideline;
import org.querent.store.ItemRecord;
import org.querent.store.TeamDecisionRepository;
import org.querent.store.TeamDecisionRepository.TeamEvent;

/**
 * Escalation: an annotator hands an item to the lead with a reason; it leaves the labelling queue (like a
 * skip) and waits in the lead's escalation queue until a lead resolves it with a label and a note. Both are
 * decision events: the resolution is a label decision with origin "escalation" that refers to the escalation.
 */
public final class EscalationService {
    /** The origin of a label decision that resolves an escalation. */
    public static final String RESOLUTION_ORIGIN = "escalation";

    private final Project project;
    private final PeopleService people;
    private final TeamDecisionRepository events;

    public EscalationService(Project project) {
        this.project = project;
        this.people = new PeopleService(project);
        this.events = new TeamDecisionRepository(project.database(), project.clock());
    }

    /** Escalates an item; returns the escalation's global id. */
    public String escalate(long itemId, String reason, String actor) {
        people.require(actor, Permission.ESCALATE);
        if (reason == null || reason.isBlank()) {
            throw QuerentException.usage("an escalation needs a reason (--reason \"...\"), so the lead knows what to decide");
        }
        ItemRecord item = activeItem(itemId);
        if (events.openEscalation(item.id()).isPresent()) {
            throw QuerentException.usage("item " + item.id() + " (" + item.key() + ") is already escalated: "
                    + "it waits for a lead");
        }
        return events.append(new TeamEvent(item.id(), "escalate", null, actor, reason.trim(), "annotator", null, null,
                guidelineVersion()));
    }

    /** The lead's escalation queue: open escalations, oldest first. */
    public List<Escalation> open() {
        return events.openEscalations();
    }

    /** Resolves an open escalation with a label and a note; returns the resolution's global id. */
    public String resolve(long itemId, List<String> labels, String note, String actor) {
        people.require(actor, Permission.RESOLVE_ESCALATION);
        ItemRecord item = activeItem(itemId);
        Escalation open = events.openEscalation(item.id()).orElseThrow(() -> QuerentException.usage("item " + item.id()
                + " (" + item.key() + ") has no open escalation: see 'querent escalations "
                + project.file().getFileName() + "'"));
        if (note == null || note.isBlank()) {
            throw QuerentException.usage("a resolution needs a note (--note \"...\"), so the annotator learns the answer");
        }
        return events.append(new TeamEvent(item.id(), "label", LabelChoice.validate(project, labels), actor, note.trim(),
                RESOLUTION_ORIGIN, null, open.uid(), guidelineVersion()));
    }

    private ItemRecord activeItem(long itemId) {
        ItemRecord item = project.items().byId(itemId).orElseThrow(() -> QuerentException.notFound("no item " + itemId
                + " in the project: give an item id (see 'querent queue')"));
        if (!item.active()) {
            throw QuerentException.usage("item " + item.id() + " (" + item.key() + ") is " + item.state()
                    + ": fix or replace the file and run 'querent import' again");
        }
        return item;
    }

    private Integer guidelineVersion() {
        return project.guidelines().current().map(Guideline::version).orElse(null);
    }
}
