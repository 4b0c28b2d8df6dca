package org.querent.team;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.ItemKind;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.session.LabellingService;
import org.querent.store.LabelDefinition;
import org.querent.store.NewItem;

/**
 * A project made by today's 'init' (not upgraded from version 1): its taxonomy version 1 holds its labels, so a
 * rename reaches the labels given before it. The migration once wrote an empty version 1 into every new file.
 */
class NewProjectTaxonomyTest {
    @TempDir
    Path dir;

    @Test
    void aNewProjectsFirstVersionHoldsItsLabelsAndARenameReachesOldLabels() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        List<LabelDefinition> labels = List.of(new LabelDefinition("ham", "", null), new LabelDefinition("spam", "", null),
                new LabelDefinition("other", "", null));
        try (Project p = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"), data,
                "builtin:minilm", labels, false, null))) {
            TaxonomyService taxonomy = new TaxonomyService(p);
            assertEquals(1, taxonomy.history().size());
            assertEquals(List.of("ham", "spam", "other"),
                    taxonomy.history().get(0).labels().stream().map(LabelDefinition::name).toList());
            p.items().upsert(List.of(new NewItem("a.txt", "a.txt", -1, ItemKind.TEXT, "data", 4, 4, 0, "h-a", "body",
                    null, null)));
            long item = p.items().byKey("a.txt").orElseThrow().id();
            new LabellingService(p).label(item, List.of("spam"), "me");
            taxonomy.rename("spam", "junk", "me", "the team says junk");
            assertEquals(List.of("junk"), p.decisions().currentLabels().get(item).labels());
            assertEquals(List.of("spam"), p.decisions().history(item).get(0).labels(), "kept as given");
        }
    }
}
