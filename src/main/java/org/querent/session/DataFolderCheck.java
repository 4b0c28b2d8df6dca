package org.querent.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.store.ItemRecord;

/**
 * Guards against a project pointed at the wrong folder: relocating to a folder that holds none of its files,
 * or importing from a folder that is empty now (an unmounted drive, a moved folder), would otherwise mark every
 * known item removed without a word.
 */
public final class DataFolderCheck {
    private DataFolderCheck() {
    }

    /** Refuses {@code newRoot} when the project knows files and none of them is there. */
    public static void requireHoldsKnownFiles(Project project, Path newRoot) {
        List<String> paths = project.items().inState("active").stream().map(ItemRecord::path).distinct().toList();
        if (paths.isEmpty() || !Files.isDirectory(newRoot)) {
            return; // nothing to compare; a missing folder gets its own message
        }
        if (paths.stream().noneMatch(p -> Files.exists(newRoot.resolve(p)))) {
            throw QuerentException.usage("none of the " + paths.size() + " files this project knows (e.g. "
                    + paths.get(0) + ") is in " + newRoot.toAbsolutePath() + ": give the folder they moved to;"
                    + " nothing was changed");
        }
    }

    /** The message for an import that found no files at all where the project knows {@code known} items. */
    static QuerentException emptyFolder(Path root, int known) {
        return QuerentException.notFound("the dataset folder " + root + " holds no files now, but this project knows "
                + known + " items from it: if the folder moved, run 'querent relocate'; if it is on a drive or share,"
                + " mount it. Nothing was changed.");
    }
}
