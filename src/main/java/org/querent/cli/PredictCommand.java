package org.querent.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.querent.session.PredictService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent predict: labels and probabilities for a folder or file, without a project. */
@Command(name = "predict", description = "Predict labels and class probabilities for every item of a folder or file "
        + "with any Querent model that has a classes block (e.g. one written by export-model). No project needed.")
final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "model.json, its folder, or an .onnx with model.json beside it.")
    String model;
    @Option(names = "--data", required = true, paramLabel = "DIR|FILE", description = "A dataset folder, or one file (a .csv/.jsonl gives one item per row).")
    Path data;
    @Option(names = "--out", required = true, paramLabel = "FILE.csv|FILE.jsonl", description = "Where to write, one row per item.")
    Path out;
    @Option(names = "--batch-size", defaultValue = "32", paramLabel = "N", description = "Items per inference run (default: ${DEFAULT-VALUE}).")
    int batchSize;
    @Option(names = "--multi-label", description = "Every label at 0.5 or above (default: when the manifest's activation is sigmoid).")
    Boolean multiLabel;

    @Override
    public Integer call() {
        PredictService.formatOf(out); // a wrong extension fails before the model loads
        if (batchSize < 1) {
            throw org.querent.common.QuerentException.usage("--batch-size must be at least 1, got " + batchSize);
        }
        try (Interrupts interrupts = Interrupts.install()) {
            PredictService.Summary s = new PredictService().predict(model, data, out, multiLabel, batchSize,
                    new StderrProgress("predict"), interrupts.cancellation());
            spec.commandLine().getOut().printf("predicted %d items (%d labels) in %.1f s (%.0f items/s): %s%n",
                    s.predicted(), s.labels().size(), s.seconds(), s.itemsPerSecond(), out);
            if (s.unreadable() > 0) {
                spec.commandLine().getErr().printf("note: %d items could not be read (or are not what the model reads)"
                        + " and are not in the file%n", s.unreadable());
            }
        }
        return 0;
    }
}
