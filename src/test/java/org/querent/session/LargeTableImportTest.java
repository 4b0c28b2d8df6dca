package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.Cancellation;
import org.querent.common.ErrorKind;
import org.querent.common.ProgressListener;
import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.store.LabelDefinition;

/** A table larger than one import transaction: row progress, cancel mid-file, and the re-run that completes it. */
class LargeTableImportTest {
    private static final int ROWS = 3 * ImportWriter.BATCH + 123;

    @TempDir
    Path dir;

    @Test
    void cancellingMidFileLeavesAProjectThatOpensAndAReRunCompletesWithoutDuplicates() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (BufferedWriter out = Files.newBufferedWriter(data.resolve("rows.csv"))) {
            out.write("id,text\n");
            for (int i = 0; i < ROWS; i++) {
                out.write(i + ",\"row number " + i + " of a long table, with a comma\"\n");
            }
            out.write(ROWS + ",\"row number 7 of a long table, with a comma\"\n"); // one exact duplicate
        }
        Files.writeString(data.resolve("note.txt"), "a file after the table");
        Path file = dir.resolve("p.querent");
        ProjectService projects = new ProjectService(Clock.systemUTC());
        List<String> messages = new ArrayList<>();
        Cancellation cancel = new Cancellation();
        try (Project project = projects.create(new NewProject(file, data, "builtin:minilm",
                List.of(new LabelDefinition("a", "", null), new LabelDefinition("b", "", null)), false, null))) {
            ProgressListener progress = (done, total, message) -> {
                messages.add(message);
                if (message.contains("row 45,000")) {
                    cancel.cancel(); // after the first batch is stored, before the file ends
                }
            };
            QuerentException e = assertThrows(QuerentException.class,
                    () -> new ImportService(project).run(false, progress, cancel));
            assertEquals(ErrorKind.CANCELLED, e.kind());
        }
        assertTrue(messages.contains("rows.csv, row 1,000"), "progress inside the file: " + messages.subList(0, 3));
        long stored = count(file, "SELECT count(*) FROM item");
        assertTrue(stored >= ImportWriter.BATCH && stored < ROWS, "part of the table stored: " + stored);
        assertEquals(1, count(file, "SELECT count(*) FROM sqlite_master WHERE name = 'item_content_hash'"),
                "the content index is back after the cancel");

        try (Project project = projects.open(file)) {
            ImportService.Report report = new ImportService(project).run(false, ProgressListener.NONE,
                    Cancellation.none());
            assertEquals(ROWS + 2 - stored, report.added(), report.summary());
            assertEquals(1, report.duplicates());
        }
        assertEquals(ROWS + 2, count(file, "SELECT count(*) FROM item"));
        assertEquals(ROWS + 2, count(file, "SELECT count(DISTINCT item_key) FROM item"));
        assertEquals(0, count(file, "SELECT count(*) FROM item WHERE file_size <> (SELECT max(file_size) FROM item"
                + " WHERE path = 'rows.csv') AND path = 'rows.csv'"), "every row carries the file's stamp");

        try (Project project = projects.open(file)) {
            ImportService.Report again = new ImportService(project).run(false, ProgressListener.NONE,
                    Cancellation.none());
            assertEquals(0, again.added());
            assertEquals(ROWS + 2, again.unchanged(), "an unchanged table is not read again: " + again.summary());
            assertEquals(0, again.scan().filesRead());
        }
    }

    private static long count(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
