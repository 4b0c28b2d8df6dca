package org.querent;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The shared real datasets, found at {@code ../shared/datasets} from the project root (where CI and
 * every developer machine have them). Missing on CI is a failure, not a silent skip; elsewhere a test
 * that needs them is skipped with the reason.
 */
public final class SharedDatasets {
    private SharedDatasets() {
    }

    public static Path root() {
        return Path.of("..", "shared", "datasets").toAbsolutePath().normalize();
    }

    /** The named dataset's folder; fails on CI when it is missing, skips elsewhere. */
    public static Path require(String name) {
        Path folder = root().resolve(name);
        if (!Files.isDirectory(folder)) {
            String why = folder + " is missing (the shared datasets belong at ../shared/datasets from the project root)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        return folder;
    }
}
