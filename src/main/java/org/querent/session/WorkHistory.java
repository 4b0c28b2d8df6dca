package org.querent.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.querent.project.Project;
import org.querent.store.Decision;
import org.querent.store.HeadRecord;
import org.querent.store.ItemRecord;
import org.querent.store.TaxonomyVersion;
import org.querent.store.TaxonomyVersionRepository;
import org.querent.store.TeamDecisionRepository;

/**
 * What the labelling screen shows of the past: an annotator's recent decisions with their items' paths, and the newest
 * model version. The screen reads these here, through session, instead of from the repositories.
 */
public final class WorkHistory {
    private final Project project;

    public WorkHistory(Project project) {
        this.project = project;
    }

    /**
     * One recent decision and the path of its item ({@code "item N"} when the item is gone).
     *
     * @param labelsNow the decision's labels as they read in today's taxonomy (renamed, merged; retired ones left out)
     */
    public record RecentDecision(Decision decision, String path, List<String> labelsNow) {
    }

    /** The annotator's newest decisions, newest first. Reads the database: call it off the UI thread. */
    public List<RecentDecision> recent(String annotator, int limit) {
        List<RecentDecision> out = new ArrayList<>();
        List<TaxonomyVersion> versions = null;
        TeamDecisionRepository events = new TeamDecisionRepository(project.database(), project.clock());
        for (Decision d : project.decisions().recentOf(annotator, limit)) {
            String path = project.items().byId(d.itemId()).map(ItemRecord::key).orElse("item " + d.itemId());
            List<String> now = d.labels();
            Optional<Integer> given = d.labels() == null ? Optional.empty() : events.taxonomyVersionOf(d.id());
            if (given.isPresent()) {
                if (versions == null) {
                    versions = new TaxonomyVersionRepository(project.database(), project.clock()).versions();
                }
                Map<String, String> names = TaxonomyVersionRepository.nowNames(versions, given.get());
                now = d.labels().stream().map(l -> names.containsKey(l) ? names.get(l) : l).filter(Objects::nonNull)
                        .distinct().toList();
            }
            out.add(new RecentDecision(d, path, now));
        }
        return out;
    }

    /** The notes (and flag reasons) people left on an item, oldest first, with who wrote them. Reads the database. */
    public List<String> notesOn(long itemId) {
        List<String> out = new ArrayList<>();
        for (Decision d : project.decisions().history(itemId)) {
            if (("note".equals(d.kind()) || "flag".equals(d.kind())) && d.note() != null && !d.note().isBlank()) {
                out.add(("flag".equals(d.kind()) ? "flagged: " : "") + d.note() + " (" + d.annotator() + ")");
            }
        }
        return out;
    }

    /**
     * The version in use for the model that last scored the project (the newest version until the promotion gate
     * holds one back), without the weights of other versions. Reads the database.
     */
    public Optional<HeadRecord> newestModel() {
        Optional<String> hash = project.meta().get(ModelSession.LAST_MODEL_HASH);
        Optional<HeadRecord> inUse = hash.flatMap(h -> ModelVersions.inUse(project, h));
        return inUse.isPresent() ? inUse : project.heads().newest();
    }

    /** Whether an item may carry several labels in this project. */
    public boolean multiLabel() {
        return project.settings().multiLabel();
    }
}
