package org.querent.cli;

import java.nio.file.Path;
import java.time.Clock;

import org.querent.project.Project;
import org.querent.project.ProjectService;
import picocli.CommandLine.Parameters;

/** The PROJECT positional parameter shared by most commands. */
final class ProjectOptions {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file (.querent).")
    Path file;

    Project open() {
        return new ProjectService(Clock.systemUTC()).open(file);
    }
}
