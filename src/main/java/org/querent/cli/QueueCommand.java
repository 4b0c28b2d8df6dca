package org.querent.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.querent.project.Project;
import org.querent.query.rules.BatchRules;
import org.querent.session.ModelSession;
import org.querent.session.QueueService;
import org.querent.session.QueueService.QueueEntry;
import org.querent.session.Ranker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent queue: ranks the unlabelled pool and prints the top items. */
@Command(name = "queue", description = "Rank the unlabelled pool with a query strategy and print the top items. "
        + "Every queue is recorded, so one can later ask why an item was shown.")
final class QueueCommand implements Callable<Integer> {
    enum Format { TSV, JSON }

    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @Option(names = "--strategy", defaultValue = "margin", paramLabel = "S",
            description = "random, least-confidence, margin or entropy (default: ${DEFAULT-VALUE}).")
    String strategy;
    @Option(names = "--size", defaultValue = "20", paramLabel = "N", description = "How many items (default: ${DEFAULT-VALUE}).")
    int size;
    @Option(names = "--format", defaultValue = "tsv", paramLabel = "tsv|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;
    @Option(names = "--seed", paramLabel = "N", description = "Seed for random choices (default: the round number).")
    Long seed;
    @Mixin
    RuleOptions rules;

    /** The hybrid batch rule options, shared with simulate. */
    static final class RuleOptions {
        @Option(names = "--near-duplicate", defaultValue = "0", paramLabel = "COS",
                description = "Skip items with a cosine above COS to a labelled or already picked item, e.g. 0.95 (default: 0, off).")
        double nearDuplicate;
        @Option(names = "--max-per-source", defaultValue = "0", paramLabel = "N",
                description = "At most N items of one source folder per batch (default: 0, no cap).")
        int maxPerSource;
        @Option(names = "--drift-share", defaultValue = "0", paramLabel = "F",
                description = "Share of each batch for the best-ranked of the newest items (default: ${DEFAULT-VALUE}).")
        double driftShare;
        @Option(names = "--audit-share", defaultValue = "0", paramLabel = "F",
                description = "Share of each batch drawn uniformly at random; their labels give an unbiased estimate of "
                        + "the model's accuracy (default: ${DEFAULT-VALUE}).")
        double auditShare;

        BatchRules toRules() {
            return new BatchRules(nearDuplicate, maxPerSource, driftShare, auditShare);
        }
    }

    @Override
    public Integer call() throws Exception {
        BatchRules batchRules = rules.toRules(); // a bad option fails before the pool is loaded
        try (Project p = project.open(); ModelSession model = new ModelSession(p)) {
            Ranker.Ranked ranked = new Ranker(p, model).predictPool();
            if (ranked.pool().unscored() > 0) {
                System.err.printf("note: %d items are not scored yet and are not ranked: run 'querent score'%n",
                        ranked.pool().unscored());
            }
            if (!ranked.predictions().hasPreLabels()) {
                System.err.println("note: no pre-labels yet (the model has no class output and no head is trained): "
                        + "label a few items of each class and run 'querent train'");
            }
            long roundSeed = seed != null ? seed : p.rounds().count() + 1;
            QueueService.Queue queue = new QueueService(p).next(ranked.pool(), ranked.predictions(), strategy, size,
                    roundSeed, java.util.Set.of(), batchRules);
            if (queue.coldStart() != null) {
                spec.commandLine().getErr().println("note: " + queue.coldStart() + ": the batch covers the pool's largest groups of "
                        + "similar items; after 'querent train' the queue ranks with " + strategy);
            }
            PrintWriter out = spec.commandLine().getOut();
            boolean showPick = batchRules.active(); // the extra column only when rules are on: the TSV stays stable
            String version = queue.modelVersion() == null ? queue.predictor() : "v" + queue.modelVersion();
            if (queue.entries().isEmpty()) {
                System.err.println("note: nothing left to label: every scored item has a decision (see 'querent status';"
                        + " add items with 'querent import' and 'querent score')");
            }
            if (format == Format.TSV) {
                out.println("item_id\tpath\tpre_label\tconfidence\tscore\tstrategy\tmodel_version" + (showPick ? "\tpick" : ""));
                for (QueueEntry e : queue.entries()) {
                    out.printf("%d\t%s\t%s\t%s\t%s\t%s\t%s%s%n", e.item().id(), tsvField(e.item().key()),
                            e.preLabel() == null ? "" : e.preLabel(),
                            Double.isNaN(e.confidence()) ? "" : String.format("%.4f", e.confidence()), score(e.score()),
                            queue.strategy(), version, showPick ? "\t" + e.pick() : "");
                }
            } else {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (QueueEntry e : queue.entries()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("item_id", e.item().id());
                    row.put("path", e.item().key());
                    row.put("pre_label", e.preLabel());
                    row.put("confidence", Double.isNaN(e.confidence()) ? null : e.confidence());
                    row.put("score", e.score());
                    row.put("rank", e.rank());
                    row.put("strategy", queue.strategy());
                    row.put("model_version", version);
                    row.put("round", queue.roundId());
                    row.put("pick", e.pick());
                    Map<String, Double> probabilities = new LinkedHashMap<>();
                    for (int c = 0; c < ranked.predictions().labels().size(); c++) {
                        probabilities.put(ranked.predictions().labels().get(c), e.probabilities()[c]);
                    }
                    row.put("probabilities", probabilities);
                    rows.add(row);
                }
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            }
        }
        return 0;
    }

    /** Six decimals, or six significant digits below 0.001, so that a small score never prints as 0.000000. */
    static String score(double score) {
        return score != 0 && Math.abs(score) < 1e-3 ? String.format(java.util.Locale.ROOT, "%.6g", score)
                : String.format(java.util.Locale.ROOT, "%.6f", score);
    }

    /** Tabs and line breaks in a path would split the row: written as \t, \n, \r (and a backslash as \\). */
    static String tsvField(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
