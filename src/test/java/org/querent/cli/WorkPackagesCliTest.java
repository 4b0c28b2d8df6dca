package org.querent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.SharedDatasets;

/**
 * Teams without a server, end to end through the command line on real e-mails of three mailing lists: a lead
 * packs three packages with 20% overlap, three annotators label them on their own "laptops" (ana plainly, and she
 * retrains in her package; bob escalates one item; cat disagrees on purpose on the shared items), the lead merges
 * them in two orders and gets the same content, the agreement report matches figures computed here from the known
 * labels, adjudication resolves the conflicts, and the review gate changes what train learns from.
 */
class WorkPackagesCliTest {
    static final List<String> LISTS = List.of("fork", "ilug", "exmh");
    static final int PER_LIST = 16;
    static final int ITEMS = 15; // per package; 20% of 15 = 3 shared

    @TempDir
    Path dir;
    String project;

    @BeforeEach
    void leadSetsUpTheProject() throws IOException {
        Path source = SharedDatasets.require("mailing-lists");
        Path data = dir.resolve("lead/data");
        for (String list : LISTS) {
            Files.createDirectories(data.resolve(list));
            try (Stream<Path> files = Files.list(source.resolve(list))) {
                for (Path f : files.sorted().limit(PER_LIST).toList()) {
                    Files.copy(f, data.resolve(list).resolve(f.getFileName()));
                }
            }
        }
        project = dir.resolve("lead/mail.querent").toString();
        ok("init", project, "--data", data.toString(), "--labels", String.join(",", LISTS));
        ok("import", project);
        ok("score", project);
        ok("people", project, "add", "lena", "--role", "lead", "--annotator", "lena");
        for (String who : List.of("ana", "bob", "cat")) {
            ok("people", project, "add", who, "--role", "annotator", "--annotator", "lena");
        }
        ok("people", project, "add", "rita", "--role", "reviewer", "--annotator", "lena");
    }

    private static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.code(), run.toString());
        return run;
    }

    private static CliRun fails(int code, String says, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(code, run.code(), run.toString());
        assertEquals(1, run.err().lines().count(), run.toString());
        assertTrue(run.err().startsWith("error: ") && run.err().contains(says), run.toString());
        return run;
    }

    /** Item id to its path, as the package's own queue lists them (every unlabelled item of the package). */
    private static Map<Long, String> queued(String pkg) {
        Map<Long, String> out = new LinkedHashMap<>();
        for (String line : ok("queue", pkg, "--size", "100").out().lines().skip(1).toList()) {
            String[] f = line.split("\t");
            out.put(Long.parseLong(f[0]), f[1]);
        }
        return out;
    }

    private static String truth(String path) {
        return path.substring(0, path.indexOf('/'));
    }

    private static String wrong(String label) {
        return LISTS.get((LISTS.indexOf(label) + 1) % LISTS.size());
    }

    private void labelFrom(String pkg, String who, Map<Long, String> labels) {
        Path file = dir.resolve(who + "-labels-" + labels.hashCode() + ".tsv");
        StringBuilder tsv = new StringBuilder();
        labels.forEach((id, label) -> tsv.append(id).append('\t').append(label).append('\n'));
        write(file, tsv.toString());
        ok("label", pkg, "--from", file.toString(), "--annotator", who);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a package to its annotator's own folder, as if carried to their laptop. */
    private String onLaptop(String who) throws IOException {
        Path laptop = dir.resolve("laptops").resolve(who);
        Files.createDirectories(laptop);
        Path copy = laptop.resolve(who + ".querent");
        Files.copy(dir.resolve("packs").resolve(who + ".querent"), copy);
        return copy.toString();
    }

    private String events(String file) {
        Path out = dir.resolve("events-" + Path.of(file).getFileName() + ".tsv");
        ok("export", file, "--format", "events", "--out", out.toString());
        return read(out);
    }

    private static int trainedOn(String file) {
        String out = ok("train", file).out();
        String head = out.substring(out.indexOf(": ") + 2);
        return Integer.parseInt(head.substring(0, head.indexOf(' ')));
    }

    @Test
    void threePackagesWithOverlapMergeInAnyOrderAndFeedAgreementAdjudicationAndTheGate() throws IOException {
        CliRun packed = ok("pack", project, "--for", "ana,bob,cat", "--items", String.valueOf(ITEMS), "--overlap", "0.2",
                "--out", dir.resolve("packs").toString(), "--annotator", "lena");
        for (String who : List.of("ana", "bob", "cat")) {
            assertTrue(packed.out().contains(who + ".querent: 15 item(s) for " + who + " (3 shared for agreement)"),
                    packed.out());
        }
        String status = ok("status", project).out();
        assertTrue(status.contains("package   ana.querent for ana: 15 item(s), 3 shared, 0 labelled"), status);

        String ana = onLaptop("ana");
        String bob = onLaptop("bob");
        String cat = onLaptop("cat");
        Map<Long, String> anaItems = queued(ana);
        Map<Long, String> bobItems = queued(bob);
        Map<Long, String> catItems = queued(cat);
        assertEquals(ITEMS, anaItems.size());
        Set<Long> shared = new HashSet<>(anaItems.keySet());
        shared.retainAll(bobItems.keySet());
        shared.retainAll(catItems.keySet());
        assertEquals(3, shared.size(), "the overlap set is in all three packages");
        Set<Long> all = new HashSet<>(anaItems.keySet());
        all.addAll(bobItems.keySet());
        all.addAll(catItems.keySet());
        assertEquals(3 + 3 * 12, all.size(), "the rest of each package is its own");
        assertTrue(ok("status", ana).out().contains("items     15 active"), "a package holds only its items");
        fails(2, "is a work package", "import", ana);

        // ana labels five (the shared three first), retrains in her package, then labels the rest from her own
        // new queue; the rest are hers alone, so her labels stay current there and count in the audit estimate.
        Map<Long, String> first = new LinkedHashMap<>();
        shared.forEach(id -> first.put(id, truth(anaItems.get(id))));
        anaItems.keySet().stream().filter(id -> !shared.contains(id)).limit(2)
                .forEach(id -> first.put(id, truth(anaItems.get(id))));
        labelFrom(ana, "ana", first);
        assertTrue(ok("train", ana).out().contains("model version"));
        // Her second queue is all audit picks (uniformly random): their labels measure her head without bias.
        Map<Long, String> rest = new LinkedHashMap<>();
        int preLabelRight = 0;
        for (String line : ok("queue", ana, "--size", "100", "--audit-share", "1").out().lines().skip(1).toList()) {
            String[] f = line.split("\t");
            rest.put(Long.parseLong(f[0]), truth(f[1]));
            preLabelRight += f[2].equals(truth(f[1])) ? 1 : 0;
        }
        assertEquals(10, rest.size());
        labelFrom(ana, "ana", rest);

        // bob labels everything but one item of his own, which he escalates.
        long escalated = bobItems.keySet().stream().filter(id -> !shared.contains(id)).findFirst().orElseThrow();
        Map<Long, String> bobs = new LinkedHashMap<>();
        bobItems.forEach((id, path) -> {
            if (id != escalated) {
                bobs.put(id, truth(path));
            }
        });
        labelFrom(bob, "bob", bobs);
        ok("escalate", bob, String.valueOf(escalated), "--reason", "reads like two lists at once", "--annotator", "bob");

        // cat is right on her own items and wrong on purpose on every shared one.
        Map<Long, String> cats = new LinkedHashMap<>();
        catItems.forEach((id, path) -> cats.put(id, shared.contains(id) ? wrong(truth(path)) : truth(path)));
        labelFrom(cat, "cat", cats);

        // Refusals first: nothing may be lost or half merged.
        String before = events(project);
        Path cut = dir.resolve("cut.querent");
        byte[] bytes = Files.readAllBytes(Path.of(ana));
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        fails(1, "cut.querent cannot be merged, it is damaged", "merge", project, cut.toString(), "--annotator", "lena");
        Path otherData = dir.resolve("other/data");
        Files.createDirectories(otherData);
        write(otherData.resolve("a.txt"), "another project's e-mail");
        String other = dir.resolve("other/other.querent").toString();
        ok("init", other, "--data", otherData.toString(), "--labels", "x,y");
        fails(2, "other.querent is from another project", "merge", project, other, "--annotator", "lena");
        Path renamed = dir.resolve("renamed.querent");
        Files.copy(Path.of(cat), renamed);
        ok("taxonomy", renamed.toString(), "rename", "exmh", "nmh", "--reason", "on a laptop", "--annotator", "lena");
        fails(2, "has taxonomy version 2, which this project does not have", "merge", project, renamed.toString(),
                "--annotator", "lena");
        assertEquals(before, events(project), "a refused file changes nothing");

        // The lead merges in two orders, into two copies of the same file.
        Path second = dir.resolve("lead/mail-2.querent");
        Files.copy(Path.of(project), second);
        String one = ok("merge", project, ana, bob, cat, "--annotator", "lena").out();
        assertTrue(one.contains("ana.querent: 15 new decision(s), 0 role change(s), 2 round(s) and 1 model version(s)"),
                "ana's two queues and the head she trained come along: " + one);
        ok("merge", second.toString(), cat, bob, ana, "--annotator", "lena");
        assertTrue(ok("merge", project, ana, "--annotator", "lena").out().contains("ana.querent: 0 new decision(s)"),
                "merging twice adds nothing");
        String contentOne = events(project);
        assertEquals(contentOne, events(second.toString()), "the same content whatever the merge order");
        assertTrue(contentOne.contains("set_aside\t" + bobItems.get(escalated) + "\tescalate\t"), contentOne);
        for (long id : shared) { // three people's labels on one item: the newest is current in both files
            assertTrue(contentOne.lines().anyMatch(l -> l.startsWith("current\t" + anaItems.get(id) + "\t[\""
                    + wrong(truth(anaItems.get(id))) + "\"]")), "cat labelled last: " + contentOne);
        }
        assertEquals(15 + 15 + 15, contentOne.lines().filter(l -> l.startsWith("decision\t")).count(),
                "14 labels and an escalation from bob, 15 labels each from ana and cat");
        status = ok("status", project).out();
        assertTrue(status.contains("package   bob.querent for bob: 15 item(s), 3 shared, 15 labelled or escalated"), status);

        // The audit trail keeps the round, strategy, score and model version of ana's later labels.
        Path audit = dir.resolve("audit.csv");
        ok("export", project, "--format", "audit", "--out", audit.toString());
        List<String> header = Arrays.asList(Files.readAllLines(audit).get(0).split(","));
        long withHead = Files.readAllLines(audit).stream().skip(1).map(l -> l.split(",", -1))
                .filter(f -> f[header.indexOf("person")].equals("ana") && f[header.indexOf("kind")].equals("label"))
                .filter(f -> !f[header.indexOf("model_version")].isEmpty() && f[header.indexOf("strategy")].equals("margin")
                        && !f[header.indexOf("score")].isEmpty() && !f[header.indexOf("round")].isEmpty())
                .count();
        assertEquals(10, withHead, "ana's ten labels after her retraining point at her round and head");
        String leadStatus = ok("status", project).out();
        assertTrue(leadStatus.contains("versions  none yet"), "a merged head never predicts here: " + leadStatus);
        String anaAccuracy = String.format(Locale.ROOT, "%.3f", preLabelRight / 10.0);
        assertTrue(leadStatus.lines().anyMatch(l -> l.startsWith("audit estimate (unbiased) v") && l.contains(
                ": accuracy " + anaAccuracy + " [") && l.endsWith("n=10")), "ana's audit picks count here: " + leadStatus);

        // Agreement on the shared items, computed here from the labels each person gave.
        Map<Long, Map<String, String>> said = new TreeMap<>();
        for (long id : shared) {
            String t = truth(anaItems.get(id));
            said.put(id, Map.of("ana", t, "bob", t, "cat", wrong(t)));
        }
        String report = ok("agreement", project).out();
        assertTrue(report.contains("items        3 labelled by two or more people, 3 with a disagreement"), report);
        // Each item: of its three pairs only ana/bob agree.
        double percent = 1.0 / 3;
        Map<String, Integer> totals = new HashMap<>();
        said.values().forEach(u -> u.values().forEach(l -> totals.merge(l, 1, Integer::sum)));
        double chance = totals.values().stream().mapToDouble(n -> (n / 9.0) * (n / 9.0)).sum();
        double fleiss = (percent - chance) / (1 - chance);
        // Krippendorff: each item adds 2 disagreeing coincidences (t,w and w,t, each 2*1/(3-1)); n = 9 values.
        double sumSquares = totals.values().stream().mapToDouble(n -> (double) n * n).sum();
        double alpha = 1 - (9 - 1) * 6.0 / (81 - sumSquares);
        assertTrue(report.contains("overall      agreement " + f(percent) + ", Fleiss' kappa " + f(fleiss)
                + ", Krippendorff's alpha " + f(alpha)), report + " expected fleiss " + f(fleiss) + " alpha " + f(alpha));
        assertTrue(report.contains("pair         ana / bob: 3 items, agreement 1.000, Cohen's kappa "
                + f(cohen(said, "ana", "bob"))), report);
        assertTrue(report.contains("pair         ana / cat: 3 items, agreement 0.000, Cohen's kappa "
                + f(cohen(said, "ana", "cat"))), report);

        // Adjudication resolves the three conflicts; the lead resolves bob's escalation.
        String queue = ok("adjudication", project).out();
        for (long id : shared) {
            String t = truth(anaItems.get(id));
            assertTrue(queue.contains(id + "\t" + anaItems.get(id) + "\tana=" + t + " bob=" + t + " cat=" + wrong(t)), queue);
            ok("adjudication", project, "resolve", String.valueOf(id), t, "--note", "two of three, and the list's own words",
                    "--annotator", "lena");
        }
        assertTrue(ok("adjudication", project).out().contains("no disagreements to adjudicate"));
        ok("escalations", project, "resolve", String.valueOf(escalated), truth(bobItems.get(escalated)), "--note",
                "the list it was sent to", "--annotator", "lena");

        // The gate: on (a team's default), train learns from approved labels only. rita approves two labels of two
        // lists (35 unshared labelled items of 16 per list hold at least two lists), so the head has two classes.
        assertTrue(ok("status", project).out().contains("train on approved labels only"));
        Map<String, Long> oneOfEach = new TreeMap<>();
        Map<Long, String> paths = new HashMap<>(anaItems);
        paths.putAll(bobItems);
        paths.putAll(catItems);
        paths.forEach((id, path) -> {
            if (!shared.contains(id) && id != escalated) {
                oneOfEach.merge(truth(path), id, Math::min);
            }
        });
        List<Long> approved = oneOfEach.values().stream().limit(2).toList();
        assertEquals(2, approved.size());
        for (long id : approved) {
            ok("review", project, "approve", String.valueOf(id), "--annotator", "rita");
        }
        int approvedOnly = trainedOn(project);
        assertEquals(3 + 1 + 2, approvedOnly, "the three adjudications, the escalation's resolution and rita's two");
        ok("review", project, "gate", "off", "--annotator", "lena");
        int everything = trainedOn(project);
        assertEquals(39, everything, "every packed item has a current label now");
        ok("review", project, "gate", "on", "--annotator", "lena");
        assertEquals(approvedOnly, trainedOn(project), "on again: back to the approved labels");
        assertFalse(events(project).equals(contentOne), "adjudication and reviews were recorded");
    }

    @Test
    void packRefusesBadRequestsWithTheFixAndWritesNothing() throws IOException {
        String packs = dir.resolve("packs").toString();
        fails(2, "--overlap is a share from 0 up to (not including) 1", "pack", project, "--for", "ana,bob", "--items", "5",
                "--overlap", "1.5", "--out", packs, "--annotator", "lena");
        fails(2, "'zed' is not one of this project's people: add them first", "pack", project, "--for", "ana,zed",
                "--items", "5", "--out", packs, "--annotator", "lena");
        fails(2, "only a lead may write work packages", "pack", project, "--for", "bob", "--items", "5", "--out", packs,
                "--annotator", "ana");
        fails(2, "--for lists 'ana' twice", "pack", project, "--for", "ana,ana", "--items", "5", "--out", packs,
                "--annotator", "lena");
        Path list = dir.resolve("list.tsv");
        write(list, "item_id\tpath\n1\tx\n999\ty\n");
        fails(2, "list.tsv line 3: no item '999' in the project", "pack", project, "--for", "ana", "--from", list.toString(),
                "--out", packs, "--annotator", "lena");
        CliRun both = CliRun.of("pack", project, "--for", "ana", "--items", "5", "--from", list.toString(), "--out", packs);
        assertEquals(2, both.code(), both.toString());
        assertFalse(Files.exists(dir.resolve("packs")), "nothing written");
        String status = ok("status", project).out();
        assertFalse(status.contains("package "), "nothing recorded: " + status);
        assertTrue(status.contains("rounds    0"), "not even a queue round: " + status);

        write(list, "1\n2\n3\n4\n");
        Files.createDirectories(dir.resolve("packs"));
        assertTrue(ok("pack", project, "--for", "ana", "--from", list.toString(), "--out", packs, "--annotator", "lena")
                .out().contains("ana.querent: 4 item(s) for ana (0 shared"), "an existing folder gets NAME.querent");
        fails(2, "a file already exists", "pack", project, "--for", "ana", "--from", list.toString(), "--out", packs,
                "--annotator", "lena");
        assertFalse(ok("queue", project, "--size", "100").out().lines().skip(1)
                .anyMatch(l -> List.of("1", "2", "3", "4").contains(l.split("\t")[0])), "ana has them: not in the lead's queue");
    }

    /** Cohen's kappa from its definition: (p_o - p_e) / (1 - p_e), p_e from each person's label shares. */
    private static double cohen(Map<Long, Map<String, String>> said, String a, String b) {
        int n = said.size();
        double agree = said.values().stream().filter(u -> u.get(a).equals(u.get(b))).count() / (double) n;
        Map<String, Integer> ca = new HashMap<>();
        Map<String, Integer> cb = new HashMap<>();
        said.values().forEach(u -> {
            ca.merge(u.get(a), 1, Integer::sum);
            cb.merge(u.get(b), 1, Integer::sum);
        });
        double chance = ca.entrySet().stream().mapToDouble(e -> e.getValue() / (double) n
                * cb.getOrDefault(e.getKey(), 0) / n).sum();
        return chance >= 1 ? Double.NaN : (agree - chance) / (1 - chance);
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
