package org.querent.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The real datasets shipped beside the project for development: {@code ../shared/datasets} from the project root.
 * A test that needs one fails loudly in CI (the {@code CI} variable is set) when it is missing, and elsewhere is
 * skipped with the reason printed, never silently.
 */
public final class SharedDatasets {
    private SharedDatasets() {
    }

    /** The shared datasets folder, resolved from the project root (Maven's {@code basedir} or the working directory). */
    public static Path root() {
        String basedir = System.getProperty("basedir");
        Path project = basedir == null ? Path.of("").toAbsolutePath() : Path.of(basedir);
        return project.resolve("../shared/datasets").normalize();
    }

    /** The named dataset folder, or a loud failure (CI) / printed skip (elsewhere) when it is not there. */
    public static Path require(String name) {
        Path folder = root().resolve(name);
        if (!Files.isDirectory(folder)) {
            String reason = "shared dataset " + folder + " is missing: link ../shared beside the project root";
            if (System.getenv("CI") != null) {
                throw new AssertionError(reason + " (CI is set, so this is a failure, not a skip)");
            }
            System.out.println("skipped: " + reason);
            Assumptions.abort(reason);
        }
        return folder;
    }

    /** Whether the named dataset is here, for tests that have a fallback; fails in CI when it is missing. */
    public static boolean present(String name) {
        Path folder = root().resolve(name);
        boolean here = Files.isDirectory(folder);
        if (!here && System.getenv("CI") != null) {
            throw new AssertionError("shared dataset " + folder + " is missing (CI is set)");
        }
        if (!here) {
            System.out.println("shared dataset " + folder + " is missing: using the fallback");
        }
        return here;
    }
}
