package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.session.ImportService;
import org.querent.session.LabellingSession;
import org.querent.session.ModelSession;
import org.querent.session.ScoringService;
import org.querent.store.LabelDefinition;

/** Opening a project whose model or dataset folder went missing: a clear problem, and labelling goes on. */
class ProjectOpenerTest {
    @TempDir
    Path dir;

    private Path scoredFashionProject() throws Exception {
        copy(Path.of("sample-projects/fashion/data"), dir.resolve("data"));
        copy(Path.of("sample-projects/fashion/model"), dir.resolve("model"));
        List<LabelDefinition> labels = Stream.of("ankle_boot", "bag", "coat", "dress", "pullover", "sandal", "shirt",
                "sneaker", "trouser", "tshirt_top").map(l -> new LabelDefinition(l, "", null)).toList();
        Path file = dir.resolve("fashion.querent");
        try (Project p = new ProjectService(Clock.systemUTC()).create(new NewProject(file, dir.resolve("data"),
                dir.resolve("model/model.json").toString(), labels, false, null)); ModelSession models = new ModelSession(p)) {
            new ImportService(p).run(false, ProgressListener.NONE, Cancellation.none());
            new ScoringService(p, models).score(64, ProgressListener.NONE, Cancellation.none());
        }
        return file;
    }

    @Test
    void aMissingModelIsReportedAndLabellingGoesOnWithStoredEmbeddings() throws Exception {
        Path file = scoredFashionProject();
        Files.move(dir.resolve("model"), dir.resolve("model-elsewhere"));
        ProjectOpener.Opened opened = new ProjectOpener().open(file);
        try (OpenProject project = opened.project()) {
            assertNotNull(opened.modelProblem());
            assertTrue(opened.modelProblem().contains("model.json"), opened.modelProblem());
            assertEquals(0, opened.unscored());
            assertNull(opened.dataProblem());
            LabellingSession session = new LabellingSession(project.project(), project.models(), "ana",
                    new LabellingSession.Settings("margin", 10, 0), Runnable::run);
            session.start();
            long item = session.current().orElseThrow().item().id();
            session.label(List.of("bag"));
            assertEquals(List.of("bag"), project.project().decisions().currentLabels().get(item).labels());
        }
    }

    @Test
    void aMovedDatasetFolderIsAProblemWithTheNextStepAndRelocatingFixesIt() throws Exception {
        Path file = scoredFashionProject();
        Files.move(dir.resolve("data"), dir.resolve("data-moved"));
        ProjectOpener opener = new ProjectOpener();
        ProjectOpener.Opened opened = opener.open(file);
        try (OpenProject project = opened.project()) {
            assertNotNull(opened.dataProblem());
            assertTrue(opened.dataProblem().contains("missing"), opened.dataProblem());
            project.project().relocateData(dir.resolve("data-moved"));
            ProjectOpener.Opened again = opener.inspect(project);
            assertNull(again.dataProblem());
            assertEquals(dir.resolve("data-moved").toAbsolutePath().normalize(), again.dataRoot());
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
