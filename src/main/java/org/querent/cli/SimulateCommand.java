package org.querent.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;
import org.querent.learn.TrainSettings;
import org.querent.learn.pool.HeadKind;
import org.querent.runtime.QuerentCache;
import org.querent.simulate.CurvePoint;
import org.querent.simulate.CurveSummary;
import org.querent.simulate.DatasetEmbedder;
import org.querent.simulate.LabelledDataset;
import org.querent.simulate.LearningCurvePlot;
import org.querent.simulate.SimulationSettings;
import org.querent.simulate.Simulator;
import org.querent.simulate.TruthFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent simulate: measures label efficiency with an annotator that answers from ground truth. */
@Command(name = "simulate", description = "Replay the loop with a simulated annotator answering from class sub-folders, "
        + "and write the learning curves (accuracy and macro-F1 on a held-out split) per strategy and seed.")
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Dataset in DIR/<label>/<file> layout.")
    Path data;
    @Option(names = "--model", defaultValue = "builtin:minilm", paramLabel = "MODEL", description = "Model (default: ${DEFAULT-VALUE}).")
    String model;
    @Option(names = "--strategy", required = true, split = ",", paramLabel = "S[,S...]", description = "Strategies to compare.")
    List<String> strategies;
    @Option(names = "--seeds", defaultValue = "3", paramLabel = "K", description = "Seeds (default: ${DEFAULT-VALUE}).")
    int seeds;
    @Option(names = "--first-seed", defaultValue = "0", paramLabel = "N",
            description = "First seed; runs N .. N + K - 1, so seeds can run as separate processes (default: ${DEFAULT-VALUE}).")
    int firstSeed;
    @Option(names = "--initial", defaultValue = "20", paramLabel = "N", description = "Random initial labels (default: ${DEFAULT-VALUE}).")
    int initial;
    @Option(names = "--batch", defaultValue = "20", paramLabel = "N", description = "Labels per round (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--budget", defaultValue = "400", paramLabel = "N", description = "Labels in all (default: ${DEFAULT-VALUE}).")
    int budget;
    @Option(names = "--test-fraction", defaultValue = "0.3", paramLabel = "F", description = "Held-out share (default: ${DEFAULT-VALUE}).")
    double testFraction;
    @Option(names = "--c", defaultValue = "cv", paramLabel = "C|cv",
            description = "Head inverse L2 strength, or cv to choose it by cross-validation on each run's labels as a "
                    + "project does (default: ${DEFAULT-VALUE}).")
    String c;
    @Option(names = "--out", required = true, paramLabel = "CURVE.csv", description = "Where to write the curve rows.")
    Path out;
    @Option(names = "--truth", paramLabel = "FILE", description = "CSV of path,label giving the truth, instead of class sub-folders.")
    Path truth;
    @Option(names = "--cache", paramLabel = "DIR", description = "Embedding cache folder (default: the user cache folder).")
    Path cache;
    @Option(names = "--initial-strategy", defaultValue = "typiclust", paramLabel = "S",
            description = "How the initial labels are picked before any model: typiclust (the cold start a project "
                    + "uses), random (the textbook protocol), or any strategy name (default: ${DEFAULT-VALUE}).")
    String initialStrategy;
    @Option(names = "--head", defaultValue = "supervised", paramLabel = "HEAD",
            description = "Head trained each round: supervised, spreading, self-training or auto (default: ${DEFAULT-VALUE}).")
    String head;
    @Option(names = "--adaptive-arms", split = ",", paramLabel = "S[,S...]",
            description = "Strategies the adaptive strategy chooses between (default: margin,badge).")
    List<String> adaptiveArms;
    @Mixin
    QueueCommand.RuleOptions rules;
    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg",
            description = "Draw the learning curves: mean accuracy per strategy with a min-max band over seeds.")
    Path plot;

    /** The dataset to use instead of loading --data (tests feed a synthetic one). */
    private final LabelledDataset preloaded;

    SimulateCommand() {
        this(null);
    }

    SimulateCommand(LabelledDataset preloaded) {
        this.preloaded = preloaded;
    }

    @Override
    public Integer call() {
        boolean chooseC = "cv".equalsIgnoreCase(c.trim());
        double fixedC;
        try {
            fixedC = chooseC ? TrainSettings.DEFAULT_C : Double.parseDouble(c.trim());
        } catch (NumberFormatException e) {
            throw QuerentException.usage("--c takes a positive number or cv: received '" + c + "'");
        }
        SimulationSettings settings = new SimulationSettings(strategies, seeds, initial, batch, budget, testFraction,
                TrainSettings.defaults().withC(fixedC), initialStrategy, rules.toRules(), HeadKind.byName(head));
        org.querent.query.Strategies.byName(initialStrategy); // an unknown name fails before the embedding
        Path cacheFolder = cache != null ? cache : QuerentCache.root().resolve("simulate");
        long start = System.nanoTime();
        LabelledDataset dataset = preloaded != null ? preloaded : DatasetEmbedder.load(data, truth == null ? null : TruthFile.read(truth), model, cacheFolder, new StderrProgress("embed"));
        long embedded = System.nanoTime();
        PrintWriter console = spec.commandLine().getOut();
        console.printf("%d items, %d classes %s; embeddings ready in %.1f s%n", dataset.size(), dataset.classes().size(),
                dataset.classes(), (embedded - start) / 1e9);
        List<CurvePoint> points;
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                w.write("strategy,seed,labels,accuracy,macro_f1,head,fitted,arm,c\n");
                Map<String, Simulator.RoundHead> fitted = new HashMap<>();
                Simulator simulator = new Simulator().chooseC(chooseC).firstSeed(firstSeed);
                if (adaptiveArms != null) {
                    simulator.adaptiveArms(adaptiveArms);
                }
                points = simulator.onRoundHead(h -> fitted.put(h.strategy() + "/" + h.seed() + "/" + h.labels(), h))
                        .run(dataset, settings, p -> {
                    try {
                        Simulator.RoundHead h = fitted.get(p.strategy() + "/" + p.seed() + "/" + p.labels());
                        w.write(String.format(Locale.ROOT, "%s,%d,%d,%.4f,%.4f,%s,%s,%s,%s%n", p.strategy(), p.seed(),
                                p.labels(), p.accuracy(), p.macroF1(), settings.head().id(),
                                h == null ? "" : h.fitted().id(), h == null || h.arm() == null ? "" : h.arm(),
                                h == null ? "" : org.querent.learn.RegularisationSearch.format(h.c())));
                        w.flush();
                    } catch (IOException e) {
                        throw new QuerentException(ErrorKind.STORAGE, "cannot write " + out + ": " + e.getMessage(), e);
                    }
                });
            }
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.STORAGE, "cannot write " + out + ": " + e.getMessage(), e);
        }
        console.printf("simulated %d strategies x %d seeds in %.1f s; curves in %s%n", strategies.size(), seeds,
                (System.nanoTime() - embedded) / 1e9, out);
        console.print(CurveSummary.table(CurveSummary.summarise(points, budget), budget));
        console.print(CurveSummary.coldStartTable(CurveSummary.meanCurves(points), 3));
        if (plot != null) {
            LearningCurvePlot.write(CurveSummary.meanCurves(points), title(dataset), plot);
            console.printf("plot in %s%n", plot);
        }
        return 0;
    }

    private String title(LabelledDataset dataset) {
        Path name = data.toAbsolutePath().normalize().getFileName();
        return String.format(Locale.ROOT, "%s: learning curves (%d items, %d seeds)%ninitial %d by %s, batch %d%s",
                name == null ? data : name, dataset.size(), seeds, initial, initialStrategy, batch,
                rules.toRules().active() ? "; rules " + rules.toRules().toMap() : "");
    }
}
