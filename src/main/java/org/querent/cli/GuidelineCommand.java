package org.querent.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.querent.project.Project;
import org.querent.project.ProjectService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent guideline: publishes a new guideline version. */
@Command(name = "guideline", description = "Publish a new version of the labelling guideline.")
final class GuidelineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @Parameters(index = "1", paramLabel = "FILE", description = "The guideline text or Markdown file.")
    Path file;

    @Override
    public Integer call() {
        try (Project p = project.open()) {
            int version = new ProjectService(Clock.systemUTC()).publishGuideline(p, file);
            spec.commandLine().getOut().printf("guideline version %d published; new decisions record it%n", version);
        }
        return 0;
    }
}
