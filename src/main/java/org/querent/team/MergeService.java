package org.querent.team;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.store.MergeRepository;
import org.querent.store.MergeRepository.Added;
import org.querent.store.MergeRepository.Events;
import org.querent.store.MergeRepository.ForeignDecision;

/**
 * Brings back the decisions (and role changes) made in another copy of this project or in a work package,
 * matched by global id: merging twice adds nothing, nobody's decision is overwritten, each person's history is
 * kept, and each decision keeps the round and model version that chose and pre-labelled its item. Merging the
 * same files in any order gives the same events (ADR 13). A file from another project, a damaged one, one with
 * a taxonomy or guideline version this project lacks, or with items this project does not have, is refused
 * with a message and nothing is merged from it.
 */
public final class MergeService {
    private final Project project;
    private final MergeRepository ours;

    public MergeService(Project project) {
        this.project = project;
        this.ours = new MergeRepository(project.database());
    }

    /** Merges one other copy; returns what it added. */
    public Added merge(Path other, String actor) {
        new PeopleService(project).require(actor, Permission.MERGE);
        Path file = other.toAbsolutePath().normalize();
        if (file.equals(project.file().toAbsolutePath().normalize())) {
            throw QuerentException.usage("cannot merge the project into itself: give a colleague's copy");
        }
        if (!Files.isRegularFile(file)) {
            throw QuerentException.notFound("no file at " + file + ": give the path of a colleague's copy of the project");
        }
        String name = file.getFileName().toString();
        Events events = MergeRepository.readCopy(file);
        String id = ours.projectId().orElse("");
        if (!id.equals(events.projectId())) {
            throw QuerentException.usage(name + " is from another project: only copies of "
                    + project.file().getFileName() + " can be merged into it (nothing was merged)");
        }
        Map<Integer, String> versions = ours.taxonomyVersionUids();
        events.taxonomyVersionUids().forEach((version, uid) -> {
            if (!uid.equals(versions.get(version))) {
                throw QuerentException.usage(name + " has taxonomy version " + version + ", which this project does not "
                        + "have: its labels cannot be mapped. Merge this project into that copy instead, or publish the "
                        + "same taxonomy changes in one place (nothing was merged)");
            }
        });
        Map<Integer, String> guidelines = ours.guidelines();
        events.guidelines().forEach((version, body) -> {
            if (!body.equals(guidelines.get(version))) {
                throw QuerentException.usage(name + " has a guideline version " + version + " that differs from this "
                        + "project's: its decisions would point at the wrong text. Publish guidelines in the lead's project "
                        + "only, then pack again (nothing was merged)");
            }
        });
        Map<String, Long> itemIds = new HashMap<>();
        for (ForeignDecision d : events.decisions()) {
            long item = ours.itemFor(d.itemKey(), d.contentHash()).orElseThrow(() -> QuerentException.usage(name
                    + " has decisions about " + d.itemKey() + ", which this project does not have with the same content:"
                    + " run 'querent import' so both copies see the same files, then merge again (nothing was merged)"));
            itemIds.put(d.uid(), item);
        }
        // A head copied in is named by who worked in the copy, the same whichever order files are merged in.
        String from = events.packageFor() != null ? events.packageFor() : name;
        return ours.append(events, itemIds, from);
    }
}
