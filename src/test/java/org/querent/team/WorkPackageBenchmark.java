package org.querent.team;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.ItemKind;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.store.DecisionRepository.NewDecision;
import org.querent.store.EmbeddingRepository.Embedding;
import org.querent.store.LabelDefinition;
import org.querent.store.NewItem;

/**
 * Packing and merging at team scale, against bare baselines in the same run: packing 3 x 2,000 items of a
 * 50,000-item project against copying the whole file (what a colleague would otherwise carry), and merging
 * 3 x 2,000 decisions against appending the same decisions the way labelling does.
 * <pre>mvn -o test -Pbenchmark -Dtest=WorkPackageBenchmark</pre>
 */
@Tag("benchmark")
class WorkPackageBenchmark {
    static final int ITEMS = 50_000;
    static final int PER_PACKAGE = 2_000;

    @TempDir
    Path dir;

    private Path bigProject() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path file = dir.resolve("big.querent");
        Random random = new Random(4);
        try (Project p = new ProjectService(Clock.systemUTC()).create(new NewProject(file, data, "builtin:minilm",
                List.of(new LabelDefinition("a", "", null), new LabelDefinition("b", "", null)), false, null))) {
            p.embeddings().registerModel("m", "synthetic", "synthetic", "text", 384, List.of());
            for (int start = 0; start < ITEMS; start += 10_000) {
                List<NewItem> items = new ArrayList<>();
                List<Embedding> vectors = new ArrayList<>();
                for (int i = start; i < start + 10_000; i++) {
                    String body = "an e-mail of about two hundred characters, number " + i + " ".repeat(150);
                    items.add(new NewItem("s" + (i % 20) + "/t" + i + ".txt", "s" + (i % 20) + "/t" + i + ".txt", -1,
                            ItemKind.TEXT, "s" + (i % 20), body.length(), body.length(), 0, "h" + i, body, null, null));
                    float[] v = new float[384];
                    for (int k = 0; k < v.length; k++) {
                        v[k] = (float) random.nextGaussian();
                    }
                    vectors.add(new Embedding("h" + i, v, null));
                }
                p.items().upsert(items);
                p.embeddings().saveAll("m", vectors);
            }
            PeopleService people = new PeopleService(p);
            people.assign("lena", Role.LEAD, "lena", null);
            for (String who : List.of("ana", "bob", "cat")) {
                people.assign(who, Role.ANNOTATOR, "lena", null);
            }
        }
        return file;
    }

    @Test
    void packingAndMergingThreePackagesOfTwoThousand() throws Exception {
        Path lead = bigProject();
        List<String> people = List.of("ana", "bob", "cat");
        for (int pass = 1; pass <= 2; pass++) {
            Path round = Files.createDirectories(dir.resolve("pass" + pass));
            Path leadCopy = round.resolve("lead.querent");
            Files.copy(lead, leadCopy);
            long t0 = System.nanoTime();
            Files.copy(lead, round.resolve("whole-copy.querent"));
            long copyNanos = System.nanoTime() - t0;

            Map<String, Path> files = new HashMap<>();
            people.forEach(p -> files.put(p, round.resolve(p + ".querent")));
            List<Long> candidates = new ArrayList<>();
            for (long id = 1; id <= ITEMS; id += 7) {
                candidates.add(id);
            }
            long t1 = System.nanoTime();
            List<PackService.Plan> plans;
            try (Project p = new ProjectService(Clock.systemUTC()).open(leadCopy)) {
                PackService pack = new PackService(p);
                plans = pack.write(pack.plan(people, files, candidates, PER_PACKAGE, 0.2), "lena");
            }
            long packNanos = System.nanoTime() - t1;

            List<List<NewDecision>> labelled = new ArrayList<>();
            for (PackService.Plan plan : plans) {
                try (Project p = new ProjectService(Clock.systemUTC()).open(plan.file())) {
                    List<NewDecision> decisions = new ArrayList<>();
                    plan.items().forEach(i -> decisions.add(new NewDecision(i.itemId(), "label",
                            List.of(i.itemId() % 2 == 0 ? "a" : "b"), plan.person(), null, null, null, null, null, null,
                            null, null, null)));
                    p.decisions().appendAll(decisions);
                    labelled.add(decisions);
                }
            }
            Path bare = round.resolve("bare.querent");
            Files.copy(lead, bare);
            long t2 = System.nanoTime();
            try (Project p = new ProjectService(Clock.systemUTC()).open(bare)) {
                labelled.forEach(p.decisions()::appendAll);
            }
            long bareNanos = System.nanoTime() - t2;

            long t3 = System.nanoTime();
            int added = 0;
            try (Project p = new ProjectService(Clock.systemUTC()).open(leadCopy)) {
                MergeService merge = new MergeService(p);
                for (PackService.Plan plan : plans) {
                    added += merge.merge(plan.file(), "lena").decisions();
                }
            }
            long mergeNanos = System.nanoTime() - t3;
            long t4 = System.nanoTime();
            try (Project p = new ProjectService(Clock.systemUTC()).open(leadCopy)) {
                MergeService merge = new MergeService(p);
                for (PackService.Plan plan : plans) {
                    merge.merge(plan.file(), "lena");
                }
            }
            long againNanos = System.nanoTime() - t4;
            long packageBytes = Files.size(plans.get(0).file());
            System.out.printf("pass %d: project %,d items, %.1f MB; copying it whole %.0f ms%n", pass, ITEMS,
                    Files.size(lead) / 1e6, copyNanos / 1e6);
            System.out.printf("pass %d: pack 3 x %,d items (20%% shared): %.0f ms, %.2f MB each (%.1f%% of the project)%n",
                    pass, PER_PACKAGE, packNanos / 1e6, packageBytes / 1e6, 100.0 * packageBytes / Files.size(lead));
            System.out.printf("pass %d: merge %,d decisions from 3 packages: %.0f ms; appending them as labelling does "
                    + "(DecisionRepository.appendAll, one transaction) %.0f ms: ratio %.2f; merging again (adds nothing) "
                    + "%.0f ms%n", pass, added, mergeNanos / 1e6,
                    bareNanos / 1e6, mergeNanos / (double) bareNanos, againNanos / 1e6);
        }
    }
}
