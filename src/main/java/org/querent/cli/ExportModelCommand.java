package org.querent.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.querent.project.Project;
import org.querent.session.ModelExportService;
import org.querent.session.ModelSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent export-model: the improved model as one ONNX file and a manifest. */
@Command(name = "export-model", description = "Write the project's model (backbone, pooling, normalisation, the model "
        + "version in use with its calibration, softmax or sigmoid) as one ONNX graph, DIR/model.onnx, and a Querent "
        + "manifest naming the labels, DIR/model.json. The export is checked against the project's probabilities.")
final class ExportModelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write model.onnx and model.json into.")
    Path out;
    @Option(names = "--check", defaultValue = "20", paramLabel = "N",
            description = "Scored items to run through the export and compare (default: ${DEFAULT-VALUE}).")
    int check;

    @Override
    public Integer call() {
        try (Project p = project.openReader(); ModelSession models = new ModelSession(p)) {
            ModelExportService.Result r = new ModelExportService(p, models).export(out, Math.max(0, check));
            spec.commandLine().getOut().printf("exported model version v%d (%s, %d labels: %s%s) to %s: model.onnx"
                            + " (%.1f MB, opset %d) and model.json%n", r.version(), r.multiLabel() ? "sigmoid" : "softmax",
                    r.labels().size(), String.join(", ", r.labels()),
                    r.multiLabel() || r.temperature() == 1.0 ? "" : String.format(", temperature %.3f", r.temperature()),
                    out, r.files().onnxBytes() / 1e6, r.files().opset());
            spec.commandLine().getOut().printf(r.checked() == 0 ? "not checked: no scored items%n"
                    : "checked with ONNX Runtime on %d scored items: largest probability difference %.1e%n",
                    r.checked(), r.maxDifference());
        }
        return 0;
    }
}
