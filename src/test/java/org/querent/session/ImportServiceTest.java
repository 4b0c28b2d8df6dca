package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.store.ItemRecord;
import org.querent.store.LabelDefinition;

class ImportServiceTest {
    @TempDir
    Path dir;

    private Project newProject(Path data) {
        return new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"), data,
                "builtin:minilm", List.of(new LabelDefinition("cat", "", null), new LabelDefinition("dog", "", null)),
                false, null));
    }

    @Test
    void badFilesAreQuarantinedWithReasonsAndNeverStopTheImport() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("cat"));
        Files.createDirectories(data.resolve("dog"));
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(image, "png", data.resolve("cat/good.png").toFile());
        byte[] png = Files.readAllBytes(data.resolve("cat/good.png"));
        Files.write(data.resolve("cat/truncated.png"), Arrays.copyOf(png, png.length / 2));
        Files.write(data.resolve("dog/empty.txt"), new byte[0]);
        Files.write(data.resolve("dog/binary.txt"), new byte[] {1, 0, 2, 0, 3, 0, (byte) 0xff, 0});
        Files.writeString(data.resolve("dog/good.txt"), "a dog barked at the postman", StandardCharsets.UTF_8);
        Files.writeString(data.resolve("dog/copy.txt"), "a dog barked at the postman", StandardCharsets.UTF_8);

        try (Project project = newProject(data)) {
            ImportService.Report report = new ImportService(project).run(true, ProgressListener.NONE, Cancellation.none());
            assertEquals(6, report.added());
            assertEquals(3, report.quarantinedNow(), report.quarantined().toString());
            Map<String, String> reasons = report.quarantined().stream()
                    .collect(java.util.stream.Collectors.toMap(q -> q.key(), q -> q.reason()));
            assertTrue(reasons.get("cat/truncated.png").contains("truncated or corrupt"), reasons.toString());
            assertTrue(reasons.get("dog/empty.txt").contains("empty"), reasons.toString());
            assertTrue(reasons.get("dog/binary.txt").contains("binary"), reasons.toString());
            assertEquals(1, report.duplicates(), "copy.txt is linked to good.txt");
            assertEquals(2, report.seedLabels(), "good.png and good.txt take their folder as label; the copy is linked");
        }
    }

    @Test
    void aRescanAddsNewNoticesChangedAndRemovedAndKeepsLabelsOfUnchangedItems() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("a.txt"), "the first text");
        Files.writeString(data.resolve("b.txt"), "the second text");
        Files.writeString(data.resolve("c.txt"), "the third text");
        try (Project project = newProject(data)) {
            ImportService imports = new ImportService(project);
            imports.run(false, ProgressListener.NONE, Cancellation.none());
            LabellingService labelling = new LabellingService(project);
            ItemRecord a = labelling.findItem("a.txt");
            labelling.label(a.id(), List.of("cat"), "ana");

            Files.writeString(data.resolve("b.txt"), "the second text, edited");
            Files.setLastModifiedTime(data.resolve("b.txt"), java.nio.file.attribute.FileTime.fromMillis(1_000_000));
            Files.delete(data.resolve("c.txt"));
            Files.writeString(data.resolve("d.txt"), "a new text");
            ImportService.Report report = imports.run(false, ProgressListener.NONE, Cancellation.none());
            assertEquals(1, report.added());
            assertEquals(1, report.changed());
            assertEquals(1, report.unchanged());
            assertEquals(1, report.removed());
            assertEquals(a.id(), labelling.findItem("a.txt").id(), "the same id after a rescan");
            assertEquals(List.of("cat"), project.decisions().currentLabels().get(a.id()).labels());
            assertEquals(4, project.items().countByState().values().stream().mapToInt(Integer::intValue).sum(),
                    "no duplicated rows: a, b, c (removed) and d");
            assertEquals("removed", labelling.findItem("c.txt").state());
        }
    }
}
