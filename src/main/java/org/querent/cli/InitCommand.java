package org.querent.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.session.ImportService;
import org.querent.store.LabelDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent init: creates a project file. */
@Command(name = "init", description = "Create a project file for a dataset folder, a model and a taxonomy.")
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file to create, e.g. emails.querent.")
    Path file;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The dataset folder.")
    Path data;

    @Option(names = "--model", defaultValue = "builtin:minilm", paramLabel = "MODEL",
            description = "builtin:minilm, a model.json, or an .onnx with model.json beside it (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--labels", required = true, split = ",", paramLabel = "L1,L2,...",
            description = "The labels. Add a description with NAME=description.")
    List<String> labels;

    @Option(names = "--multi-label", description = "An item may carry several labels.")
    boolean multiLabel;

    @Option(names = "--labels-from-folders", description = "Import now and take DIR/<label>/<file> as existing labels.")
    boolean labelsFromFolders;

    @Option(names = "--guideline", paramLabel = "FILE", description = "The labelling guideline (text or Markdown).")
    Path guideline;

    @Override
    public Integer call() {
        List<LabelDefinition> definitions = new ArrayList<>();
        for (String label : labels) {
            int eq = label.indexOf('=');
            String name = (eq < 0 ? label : label.substring(0, eq)).trim();
            String description = eq < 0 ? "" : label.substring(eq + 1).trim();
            definitions.add(new LabelDefinition(name, description, null));
        }
        try (Project project = new ProjectService(Clock.systemUTC()).create(
                new NewProject(file, data, model, definitions, multiLabel, guideline))) {
            spec.commandLine().getOut().printf("created %s: %d labels, %s, model %s%n", project.file().getFileName(),
                    definitions.size(), multiLabel ? "multi-label" : "single-label", project.settings().model());
            if (labelsFromFolders) {
                ImportService.Report report = new ImportService(project).run(true, new StderrProgress("import"),
                        org.querent.common.Cancellation.none());
                spec.commandLine().getOut().println(report.summary());
            }
        }
        return 0;
    }
}
