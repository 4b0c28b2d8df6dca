package org.querent.ui.browse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.querent.common.ItemKind;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.session.LabellingService;
import org.querent.store.LabelDefinition;
import org.querent.store.NewItem;

/**
 * A small real project for view tests: ten texts and one quarantined image, with labels, a skip, a flag, an
 * undone label and two model versions.
 *
 * <pre>
 * note-01  cat (ana)          note-06  dog by ana, undone: unlabelled
 * note-02  cat (ana)          note-07..10  untouched
 * note-03  dog (ben), body mentions a zebra
 * note-04  skipped (ana)      broken.png  quarantined: truncated or corrupt image
 * note-05  flagged by ben: "sarcasm?"
 * </pre>
 */
public final class TestProjects {
    public static final List<String> LABELS = List.of("cat", "dog", "bird");
    public static final int ITEMS = 11;
    public static final int UNLABELLED = 7;

    private TestProjects() {
    }

    public static Project sample(Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"), data,
                "builtin:minilm", LABELS.stream().map(l -> new LabelDefinition(l, "", null)).toList(), false, null));
        List<NewItem> items = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String body = i == 3 ? "A Zebra walked past the shelter" : "text number " + i;
            items.add(new NewItem(String.format("note-%02d.txt", i), String.format("note-%02d.txt", i), -1, ItemKind.TEXT,
                    "data", body.length(), body.length(), 0, "hash-" + i, body, null, null));
        }
        items.add(new NewItem("broken.png", "broken.png", -1, ItemKind.IMAGE, "data", 10, 10, 0, "hash-broken", null, null,
                "truncated or corrupt image"));
        project.items().upsert(items);

        LabellingService labelling = new LabellingService(project);
        labelling.label(idOf(project, 1), List.of("cat"), "ana");
        labelling.label(idOf(project, 2), List.of("cat"), "ana");
        labelling.label(idOf(project, 3), List.of("dog"), "ben");
        labelling.skip(idOf(project, 4), "ana");
        labelling.flag(idOf(project, 5), "sarcasm?", "ben");
        labelling.label(idOf(project, 6), List.of("dog"), "ana");
        labelling.undo("ana");

        project.embeddings().registerModel("m1", "test model", "test", "text", 2, List.of());
        project.heads().save(null, "m1", LABELS, new byte[] {0}, 3, 3, Map.of("warmStarted", false));
        project.heads().save(1, "m1", LABELS, new byte[] {0}, 30, 6,
                Map.of("warmStarted", true, "heldOut", Map.of("accuracy", 0.8, "macroF1", 0.75)));
        return project;
    }

    /** The id of note-NN.txt. */
    public static long idOf(Project project, int note) {
        return project.items().byKey(String.format("note-%02d.txt", note)).orElseThrow().id();
    }
}
