package org.querent.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.querent.project.Project;
import org.querent.project.ProjectService;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The PROJECT positional parameter shared by most commands. */
final class ProjectOptions {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file (.querent).")
    Path file;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "When another window or command has the project open, wait up to this long (default: refuse at once).")
    int waitSeconds;

    /** For commands that write: one writer at a time. */
    Project open() {
        return new ProjectService(Clock.systemUTC()).open(file, Duration.ofSeconds(Math.max(0, waitSeconds)),
                () -> System.err.printf("waiting up to %d s for %s: it is open in another Querent window or command%n",
                        waitSeconds, file.getFileName()));
    }

    /** For commands that only read: they run beside a writer, and on read-only files. */
    Project openReader() {
        return new ProjectService(Clock.systemUTC()).openReader(file);
    }
}
