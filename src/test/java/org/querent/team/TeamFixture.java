package org.querent.team;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

import org.querent.project.Project;
import org.querent.project.ProjectService;

/**
 * The committed version-1 project (10 spam/ham texts; items 1-5 ham*.txt, 6-10 spam*.txt; current labels
 * 6, 8, 7 spam and 4, 1, 3 ham; item 2 skipped, item 10 flagged), copied with its data and upgraded on open.
 */
final class TeamFixture {
    static final Path SOURCE = Path.of("src/test/resources/org/querent/store/v1");

    private TeamFixture() {
    }

    /** Copies the fixture folder into {@code dir}; returns the project file. */
    static Path copy(Path dir) {
        try (Stream<Path> files = Files.walk(SOURCE)) {
            for (Path from : files.toList()) {
                Path to = dir.resolve(SOURCE.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve("v1.querent");
    }

    static Project open(Path dir) {
        return new ProjectService(Clock.systemUTC()).open(copy(dir));
    }
}
