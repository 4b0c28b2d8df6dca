package org.querent.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.store.ItemRecord;
import org.querent.store.MergeRepository.Added;
import org.querent.store.WorkPackageRepository.PackageProgress;
import org.querent.team.MergeService;
import org.querent.team.PackService;
import org.querent.team.PackService.Plan;

/**
 * Work packages for the command line and the workstation alike: chooses their items and writes them, from the
 * queue (a recorded round, so each packed item knows which strategy and model version chose it) or from a list
 * of items ({@link PackService}); merges colleagues' packages and copies back ({@link MergeService}).
 */
public final class WorkPackageService {
    private final Project project;
    private final ModelSession models;

    public WorkPackageService(Project project, ModelSession models) {
        this.project = project;
        this.models = models;
    }

    /** N items per package from a new queue round by {@code strategy}, leaving out items already packed. */
    public List<Plan> fromQueue(List<String> people, Map<String, Path> files, int size, double overlap, String strategy,
                                String actor) {
        PackService pack = new PackService(project);
        pack.check(people, files, size, overlap, actor); // before a round is recorded
        List<Long> candidates = new ArrayList<>();
        int fresh = pack.freshNeeded(people, size, overlap);
        if (fresh > 0) {
            Ranker.Ranked ranked = new Ranker(project, models).predictPool();
            long seed = project.rounds().count() + 1;
            QueueService.Queue queue = new QueueService(project).next(ranked.pool(), ranked.predictions(), strategy, fresh,
                    seed, pack.alreadyPacked());
            queue.entries().forEach(e -> candidates.add(e.item().id()));
        }
        return pack.write(pack.plan(people, files, candidates, size, overlap), actor);
    }

    /**
     * The items listed in a file (one per line: an item id or path; a queue TSV works, its header is skipped),
     * split between the people; {@code size} null means all of them.
     */
    public List<Plan> fromList(List<String> people, Map<String, Path> files, Path list, Integer size, double overlap,
                               String actor) {
        PackService pack = new PackService(project);
        pack.check(people, files, size == null ? 1 : size, overlap, actor);
        List<Long> candidates = readList(list);
        int perPackage = size != null ? size : fitting(people.size(), candidates.size(), overlap);
        return pack.write(pack.plan(people, files, candidates, perPackage, overlap, true), actor);
    }

    /** Brings back the decisions of a colleague's package or copy; a lead does this. */
    public Added merge(Path copy, String actor) {
        return new MergeService(project).merge(copy, actor);
    }

    /** The packages written from this project and how far each came back. */
    public List<PackageProgress> progress() {
        return new PackService(project).progress();
    }

    /** The largest package size whose packages use no more than {@code total} items. */
    static int fitting(int people, int total, double overlap) {
        int best = 1;
        for (int n = 1; n <= total; n++) {
            int shared = PackService.sharedPerPackage(n, overlap);
            if (shared + people * (n - shared) <= total) {
                best = n;
            }
        }
        return best;
    }

    private List<Long> readList(Path list) {
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.NOT_FOUND, "cannot read " + list + ": give a file with one item id or "
                    + "path per line (the output of 'querent queue' works)", e);
        }
        LabellingService items = new LabellingService(project);
        List<Long> ids = new ArrayList<>();
        int number = 0;
        for (String line : lines) {
            number++;
            String first = line.split("\t", -1)[0].trim();
            if (first.isEmpty() || (number == 1 && first.equals("item_id"))) {
                continue;
            }
            ItemRecord item;
            try {
                item = items.findItem(first);
            } catch (QuerentException e) {
                throw QuerentException.usage(list.getFileName() + " line " + number + ": " + e.getMessage()
                        + "; nothing was packed");
            }
            if (!item.active() || item.duplicateOf() != null) {
                throw QuerentException.usage(list.getFileName() + " line " + number + ": item " + item.id() + " is "
                        + (item.active() ? "a duplicate of item " + item.duplicateOf() : item.state())
                        + " and cannot be labelled; remove the line and pack again (nothing was packed)");
            }
            ids.add(item.id());
        }
        if (ids.isEmpty()) {
            throw QuerentException.usage(list + " lists no items: one item id or path per line");
        }
        return ids;
    }
}
