package org.querent.ui;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.querent.TestData;
import org.querent.cli.Cli;

/**
 * A real project whose gate has decided: the 300 sample emails on the built-in MiniLM, an evaluation set of 120
 * labelled items, v1 (90 honest labels) and v2 (150 honest labels) promoted, v3 (the same 150 with 30% flipped) held
 * as a candidate. Built with the command line, as a person would (PromotionGateCliTest checks the same steps).
 */
public final class GateProject {
    public final Path dir;
    public final Path data;
    public final Path file;
    public final Map<String, String> truth;
    /** The training files not labelled (neither in the evaluation set nor among the 150). */
    public final List<String> unlabelled;

    private GateProject(Path dir, Map<String, String> truth, List<String> unlabelled) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.file = dir.resolve("gate.querent");
        this.truth = truth;
        this.unlabelled = unlabelled;
    }

    public static GateProject build(Path dir) throws Exception {
        Map<String, String> truth = TestData.emailTruth();
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        for (String f : truth.keySet()) {
            Files.copy(TestData.EMAILS.resolve("data").resolve(f), data.resolve(f));
        }
        String project = dir.resolve("gate.querent").toString();
        ok("init", project, "--data", data.toString(), "--labels", String.join(",", TestData.emailLabels()));
        ok("import", project);
        ok("score", project);
        String drawn = ok("eval-set", project, "--size", "120");
        Set<String> eval = new HashSet<>();
        for (String line : drawn.split("\n")) {
            eval.add(line.split("\t")[1]);
        }
        label(dir, project, new ArrayList<>(eval), truth, Set.of());
        List<String> rest = new ArrayList<>(truth.keySet().stream().filter(f -> !eval.contains(f)).sorted().toList());
        Collections.shuffle(rest, new Random(3));
        label(dir, project, rest.subList(0, 90), truth, Set.of());
        ok("train", project);
        label(dir, project, rest.subList(90, 150), truth, Set.of());
        ok("train", project);
        label(dir, project, rest.subList(0, 150), truth, new HashSet<>(rest.subList(0, 45)));
        String held = ok("train", project);
        if (!held.contains("gate: v3 stays a candidate")) {
            throw new IllegalStateException("the flipped version was not held:\n" + held);
        }
        return new GateProject(dir, truth, List.copyOf(rest.subList(150, rest.size())));
    }

    private static void label(Path dir, String project, List<String> files, Map<String, String> truth, Set<String> flip)
            throws Exception {
        List<String> labels = TestData.emailLabels();
        StringBuilder tsv = new StringBuilder();
        for (String f : files) {
            String label = truth.get(f);
            if (flip.contains(f)) {
                label = labels.get((labels.indexOf(label) + 1) % labels.size());
            }
            tsv.append(f).append('\t').append(label).append('\n');
        }
        Path file = dir.resolve("batch.tsv");
        Files.writeString(file, tsv);
        ok("label", project, "--from", file.toString());
    }

    /** Runs the command line in this process; its standard output, or an exception with both streams. */
    public static String ok(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", args) + " exited " + code + "\n" + out + err);
        }
        return out.toString();
    }
}
