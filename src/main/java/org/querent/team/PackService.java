package org.querent.team;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.store.Database;
import org.querent.store.Timestamps;
import org.querent.store.WorkPackageRepository;
import org.querent.store.WorkPackageRepository.PackageRecord;
import org.querent.store.WorkPackageRepository.PackedItem;

/**
 * Work packages: small project files a colleague labels on their own laptop with the same app, merged back with
 * {@link MergeService}. A share of each package (the overlap set) is given to several people so their agreement
 * can be measured; the set is recorded in the lead's file, so later packs with an overlap reuse it (ADR 13).
 */
public final class PackService {
    private final Project project;
    private final WorkPackageRepository packages;

    public PackService(Project project) {
        this.project = project;
        this.packages = new WorkPackageRepository(project.database());
    }

    /** The items of one person's package. */
    public record Plan(String person, Path file, List<PackedItem> items) {
        public long shared() {
            return items.stream().filter(PackedItem::shared).count();
        }
    }

    /** Items already given to someone: they are not packed again. */
    public Set<Long> alreadyPacked() {
        return packages.packedItems();
    }

    /** How many items of the overlap set each package gets: a share F of N, at least one when F > 0. */
    public static int sharedPerPackage(int size, double overlap) {
        if (overlap <= 0) {
            return 0;
        }
        return Math.min(size, Math.max(1, (int) Math.round(overlap * size)));
    }

    /** How many new candidates {@link #plan} takes for these people (the overlap set already recorded is reused). */
    public int freshNeeded(List<String> people, int size, double overlap) {
        int shared = sharedPerPackage(size, overlap);
        int newShared = 0;
        for (String person : people) {
            newShared = Math.max(newShared, shared - Math.min(shared, packages.sharedItemsNotFor(person).size()));
        }
        return newShared + people.size() * (size - shared);
    }

    /**
     * Splits the candidates (best first, none of them packed before) between the people: each package gets
     * {@code size} items, {@link #sharedPerPackage} of them from the overlap set (first the recorded set this
     * person has not had, then new candidates shared by this call), the rest distinct, dealt round-robin.
     */
    public List<Plan> plan(List<String> people, Map<String, Path> files, List<Long> candidates, int size, double overlap) {
        return plan(people, files, candidates, size, overlap, false);
    }

    /** As {@link #plan(List, Map, List, int, double)}; {@code repack}: the lead chose these items, packed or not. */
    public List<Plan> plan(List<String> people, Map<String, Path> files, List<Long> candidates, int size, double overlap,
                           boolean repack) {
        validate(people, size, overlap);
        int shared = sharedPerPackage(size, overlap);
        Set<Long> packed = repack ? Set.of() : packages.packedItems();
        List<Long> fresh = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(candidates)) {
            if (!packed.contains(id)) {
                fresh.add(id);
            }
        }
        Map<String, List<PackedItem>> items = new LinkedHashMap<>();
        Set<Long> taken = new HashSet<>();
        for (String person : people) {
            List<PackedItem> mine = new ArrayList<>();
            for (Long id : packages.sharedItemsNotFor(person)) {
                if (mine.size() < shared) {
                    mine.add(new PackedItem(id, true));
                    taken.add(id);
                }
            }
            items.put(person, mine);
        }
        fresh.removeAll(taken);
        int next = 0;
        List<Long> newShared = new ArrayList<>();
        for (String person : people) {
            List<PackedItem> mine = items.get(person);
            int need = shared - mine.size();
            while (newShared.size() < need && next < fresh.size()) {
                newShared.add(fresh.get(next++));
            }
            for (int i = 0; i < need && i < newShared.size(); i++) {
                mine.add(new PackedItem(newShared.get(i), true));
            }
        }
        boolean dealt = true;
        while (dealt) {
            dealt = false;
            for (String person : people) {
                List<PackedItem> mine = items.get(person);
                if (mine.size() < size && next < fresh.size()) {
                    mine.add(new PackedItem(fresh.get(next++), false));
                    dealt = true;
                }
            }
        }
        List<Plan> plans = new ArrayList<>();
        for (String person : people) {
            if (items.get(person).isEmpty()) {
                throw QuerentException.usage("nothing left to pack for " + person + ": every scored, unlabelled item is "
                        + "labelled, set aside or already in a package (see 'querent status'; pack chosen items with --from FILE)");
            }
            plans.add(new Plan(person, files.get(person), items.get(person)));
        }
        return plans;
    }

    /**
     * Refuses a request before anything is chosen or written: only a lead packs, for people of the project, into
     * files that do not exist yet, with a sane size and overlap.
     */
    public void check(List<String> people, Map<String, Path> files, int size, double overlap, String actor) {
        validate(people, size, overlap);
        PeopleService team = new PeopleService(project);
        team.require(actor, Permission.PACK);
        for (String person : people) {
            if (team.isTeam() && team.roleOf(person).isEmpty()) {
                throw QuerentException.usage("'" + person + "' is not one of this project's people: add them first "
                        + "with 'querent people " + project.file().getFileName() + " add " + person + " --role annotator'");
            }
            Path file = files.get(person);
            if (file != null && Files.exists(file)) {
                throw QuerentException.usage("a file already exists at " + file.toAbsolutePath()
                        + ": choose another --out or delete the old package");
            }
        }
    }

    /** Writes the packages (each whole or not at all) and records them in this project; the lead does this. */
    public List<Plan> write(List<Plan> plans, String actor) {
        Map<String, Path> files = new LinkedHashMap<>();
        plans.forEach(p -> files.put(p.person(), p.file()));
        int size = plans.stream().mapToInt(p -> p.items().size()).max().orElse(1);
        check(plans.stream().map(Plan::person).toList(), files, size, 0, actor);
        for (Plan plan : plans) {
            writeOne(plan, actor);
        }
        return plans;
    }

    private void writeOne(Plan plan, String actor) {
        Path target = plan.file().toAbsolutePath().normalize();
        Path temporary = target.resolveSibling(target.getFileName() + ".part-" + UUID.randomUUID());
        PackageRecord record = new PackageRecord(UUID.randomUUID().toString(), plan.person(),
                target.getFileName().toString(), actor, Timestamps.now(project.clock()), overlapOf(plan), plan.items().size());
        try {
            Files.createDirectories(target.getParent());
            try (Database pkg = Database.open(temporary, true)) {
                WorkPackageRepository.fill(pkg, project.file(), record, plan.items(), packageMeta(plan, record));
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.STORAGE, "cannot write the package " + target + ": " + e.getMessage()
                    + " (check the folder exists, is writable and has space)", e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // A leftover part file is harmless: it is never opened as a package.
            }
        }
        packages.record(record, plan.items());
    }

    private static double overlapOf(Plan plan) {
        return plan.items().isEmpty() ? 0 : (double) plan.shared() / plan.items().size();
    }

    /**
     * Paths become absolute (the package is opened elsewhere); the package trains on its own labels (the lead's
     * review gate applies when they are merged back).
     */
    private Map<String, String> packageMeta(Plan plan, PackageRecord record) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("data_root", project.folder().resolve(project.settings().dataRoot()).normalize().toString());
        String model = project.settings().model();
        if (!model.startsWith("builtin:")) {
            meta.put("model", project.folder().resolve(model).normalize().toString());
        }
        meta.put(ReviewService.GATE_KEY, "false");
        meta.put(WorkPackageRepository.PACKAGE_UID, record.uid());
        meta.put(WorkPackageRepository.PACKAGE_FOR, plan.person());
        meta.put(WorkPackageRepository.PACKAGE_SOURCE, project.file().getFileName().toString());
        return meta;
    }

    private static void validate(List<String> people, int size, double overlap) {
        if (people.isEmpty()) {
            throw QuerentException.usage("give whom the package is for: --for NAME[,NAME...]");
        }
        Set<String> seen = new HashSet<>();
        for (String person : people) {
            if (person.isBlank() || !seen.add(person)) {
                throw QuerentException.usage("--for lists '" + person + "' twice or empty: give each name once");
            }
        }
        if (size < 1) {
            throw QuerentException.usage("--items must be at least 1, got " + size);
        }
        if (overlap < 0 || overlap >= 1 || Double.isNaN(overlap)) {
            throw QuerentException.usage("--overlap is a share from 0 up to (not including) 1, got " + overlap);
        }
    }

    /** Items out in others' packages, not back yet: kept out of this file's queue. */
    public Set<Long> outInPackages() {
        return packages.outInPackages(project.meta().get(WorkPackageRepository.PACKAGE_UID).orElse(null));
    }

    /** The packages written from this project and how far each came back. */
    public List<WorkPackageRepository.PackageProgress> progress() {
        return packages.progress();
    }

    /** Whether an open project is a work package (its items come from a lead's project). */
    public static boolean isPackage(Project project) {
        return project.meta().get(WorkPackageRepository.PACKAGE_UID).isPresent();
    }
}
