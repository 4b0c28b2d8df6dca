package org.querent.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.QuerentException;

/** The three input formats, on records shaped as the tools' documentation shows them, and their faults. */
class LabelFilesTest {
    @TempDir
    Path dir;

    @Test
    void csvWithPathKeyOrTextAndOptionalAnnotatorAndTime() throws Exception {
        Path file = Files.writeString(dir.resolve("labels.csv"), "path,label,annotator,time\n"
                + "a.txt,spam,ana,2026-12-01T10:00:00Z\n"
                + "\"b, c.txt\",ham;spam,,1764583200\n"
                + "\n"
                + "d.txt,ham,bo,2026-12-01 11:30:00\n");
        LabelFile read = LabelFiles.read(file, false, null);
        assertEquals("csv", read.format());
        assertEquals(3, read.rows().size());
        LabelRow first = read.rows().get(0);
        assertEquals(2, first.line());
        assertEquals("a.txt", first.item().path());
        assertEquals(List.of("spam"), first.labels());
        assertEquals("ana", first.annotator());
        assertEquals("2026-12-01T10:00:00Z", first.decidedAt());
        assertEquals(List.of("ham", "spam"), read.rows().get(1).labels());
        assertNull(read.rows().get(1).annotator());
        assertEquals("2025-12-01T10:00:00Z", read.rows().get(1).decidedAt(), "epoch seconds");
        assertEquals(5, read.rows().get(2).line());
        assertEquals("2026-12-01T11:30:00Z", read.rows().get(2).decidedAt(), "a local time is read as UTC");
    }

    @Test
    void csvWithoutALabelOrAnItemColumnIsRefusedNamingTheHeader() throws Exception {
        Path file = Files.writeString(dir.resolve("labels.csv"), "file,class\na.txt,spam\n");
        QuerentException e = assertThrows(QuerentException.class, () -> LabelFiles.read(file, false, null));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("'label'"), e.getMessage());
        Path badTime = Files.writeString(dir.resolve("t.csv"), "path,label,time\na.txt,spam,yesterday\nb.txt,ham,\n");
        QuerentException t = assertThrows(QuerentException.class, () -> LabelFiles.read(badTime, false, null));
        assertTrue(t.getMessage().contains("line 2: time 'yesterday'"), t.getMessage());
        assertTrue(t.getMessage().contains("nothing was imported"), t.getMessage());
    }

    @Test
    void prodigyChoiceBinaryAndIgnoredAnswers() throws Exception {
        Path file = Files.writeString(dir.resolve("db-out.jsonl"), String.join("\n",
                "{\"text\":\"Cheap meds\",\"options\":[{\"id\":\"spam\",\"text\":\"spam\"},{\"id\":\"ham\",\"text\":\"ham\"}],"
                        + "\"accept\":[\"spam\"],\"answer\":\"accept\",\"_input_hash\":-1180436843,\"_task_hash\":1003447946,"
                        + "\"_view_id\":\"choice\",\"_session_id\":\"mail-alex\",\"_annotator_id\":\"mail-alex\",\"_timestamp\":1764583200}",
                "{\"text\":\"Lunch?\",\"label\":\"ham\",\"answer\":\"accept\",\"_annotator_id\":\"mail-bo\"}",
                "{\"text\":\"Lunch?\",\"label\":\"spam\",\"answer\":\"reject\"}",
                "{\"image\":\"photos/cat.png\",\"label\":\"cat\",\"answer\":\"ignore\"}",
                "{\"text\":\"Numbered\",\"options\":[{\"id\":0,\"text\":\"spam\"},{\"id\":1,\"text\":\"ham\"}],\"accept\":[1],\"answer\":\"accept\"}",
                ""));
        LabelFile read = LabelFiles.read(file, false, null);
        assertEquals("prodigy", read.format());
        assertEquals(3, read.rows().size());
        LabelRow choice = read.rows().get(0);
        assertEquals("Cheap meds", choice.item().text());
        assertEquals(List.of("spam"), choice.labels());
        assertEquals("mail-alex", choice.annotator());
        assertEquals("prodigy session mail-alex", choice.note());
        assertEquals("2025-12-01T10:00:00Z", choice.decidedAt());
        assertEquals(List.of("ham"), read.rows().get(1).labels());
        assertEquals(List.of("ham"), read.rows().get(2).labels(), "a numeric option id reads as its text");
        assertEquals(2, read.skipped().size());
        assertEquals(3, read.skipped().get(0).line());
        assertTrue(read.skipped().get(0).reason().contains("reject"));
    }

    @Test
    void brokenJsonlLinesAreNamedAndNothingIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.jsonl"),
                "{\"text\":\"ok\",\"label\":\"a\",\"answer\":\"accept\"}\n{\"text\": \"cut off\n[1,2]\n{\"label\":\"a\"}\n");
        QuerentException e = assertThrows(QuerentException.class, () -> LabelFiles.read(file, false, null));
        assertTrue(e.getMessage().contains("3 rows cannot be read"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2: not JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3: not a JSON object"), e.getMessage());
        assertTrue(e.getMessage().contains("line 4: no 'text', 'image'"), e.getMessage());
    }

    @Test
    void labelStudioAnnotationsAndPredictions() throws Exception {
        Path file = Files.writeString(dir.resolve("export.json"), """
                [{"id": 17, "data": {"text": "Cheap meds"},
                  "annotations": [{"id": 3, "completed_by": {"id": 1, "email": "ana@example.org"},
                    "result": [{"value": {"choices": ["spam"]}, "id": "x1", "from_name": "sentiment", "to_name": "text",
                                "type": "choices", "origin": "manual"}],
                    "was_cancelled": false, "ground_truth": false, "created_at": "2026-11-30T21:52:49.513742Z"},
                    {"id": 4, "completed_by": 2, "result": [], "was_cancelled": true}],
                  "predictions": [{"model_version": "bert-v2", "score": 0.87,
                    "result": [{"from_name": "sentiment", "to_name": "text", "type": "choices", "value": {"choices": ["ham"]}}]}]},
                 {"id": 18, "data": {"image": "/data/upload/1/4f2a9c01-00003.png"},
                  "annotations": [{"completed_by": 2, "result": [{"type": "choices", "value": {"choices": ["trouser"]}}]}]}]
                """);
        LabelFile read = LabelFiles.read(file, false, null);
        assertEquals("label-studio", read.format());
        assertEquals("task", read.unit());
        assertEquals(3, read.rows().size());
        LabelRow a = read.rows().get(0);
        assertEquals(List.of("spam"), a.labels());
        assertEquals("ana@example.org", a.annotator());
        assertEquals("2026-11-30T21:52:49.513Z", a.decidedAt());
        LabelRow p = read.rows().get(1);
        assertTrue(p.prediction());
        assertEquals("bert-v2", p.modelVersion());
        assertEquals(0.87, p.score());
        assertEquals("label-studio-user-2", read.rows().get(2).annotator());
        assertEquals("/data/upload/1/4f2a9c01-00003.png", read.rows().get(2).item().image());
        assertEquals(1, read.skipped().size(), "the cancelled annotation");
    }

    @Test
    void labelStudioFileOfAnotherTaskTypeIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("ner.json"), """
                [{"id": 5, "data": {"text": "Ana lives in Porto"}, "annotations": [{"result": [
                  {"type": "labels", "from_name": "label", "to_name": "text",
                   "value": {"start": 0, "end": 3, "text": "Ana", "labels": ["PER"]}}]}]}]
                """);
        QuerentException e = assertThrows(QuerentException.class, () -> LabelFiles.read(file, false, null));
        assertTrue(e.getMessage().contains("task 1 (id 5): has a result of type 'labels'"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was imported"), e.getMessage());
        Path notTasks = Files.writeString(dir.resolve("x.json"), "{\"tasks\": 3}");
        QuerentException n = assertThrows(QuerentException.class, () -> LabelFiles.read(notTasks, false, null));
        assertTrue(n.getMessage().contains("must be a list of tasks"), n.getMessage());
    }

    @Test
    void asPredictionsTurnsLabelsIntoAnExternalModelsPreLabels() throws Exception {
        Path file = Files.writeString(dir.resolve("p.csv"), "item_key,label,score\nrows.csv#3,spam,0.9\n");
        LabelFile read = LabelFiles.read(file, true, "their-model");
        assertTrue(read.rows().get(0).prediction());
        assertEquals("their-model", read.rows().get(0).modelVersion());
        assertEquals(0.9, read.rows().get(0).score());
        assertEquals("rows.csv#3", read.rows().get(0).item().itemKey());
    }
}
