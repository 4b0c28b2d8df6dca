package org.querent.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Golden shapes of the Prodigy and Label Studio tasks (field names and nesting as their documentation gives them:
 * Prodigy's choice interface and db-in, Label Studio's task import with annotations and predictions).
 */
class TaskWritersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ExportTask LABELLED = new ExportTask(7, "mail/a.txt", "mail/a.txt", false, "Cheap meds", null, null,
            List.of("spam"), "ana", "2026-12-01T10:00:00Z", "annotator",
            List.of(new ExportTask.Prediction("querent v3", List.of("spam"), 0.75)));

    @Test
    void prodigyChoiceTaskAsDbInReadsIt() throws Exception {
        int input = TaskWriters.hash32("Cheap meds");
        int task = TaskWriters.hash32(input + "\u0000spam\u0000ham");
        assertEquals("{\"text\":\"Cheap meds\",\"options\":[{\"id\":\"spam\",\"text\":\"spam\"},{\"id\":\"ham\",\"text\":\"ham\"}],"
                + "\"_input_hash\":" + input + ",\"_view_id\":\"choice\",\"accept\":[\"spam\"],\"_task_hash\":" + task
                + ",\"answer\":\"accept\",\"_annotator_id\":\"ana\",\"_session_id\":\"ana\",\"_timestamp\":1796119200,"
                + "\"meta\":{\"item_key\":\"mail/a.txt\",\"path\":\"mail/a.txt\",\"prediction\":\"spam\",\"score\":0.75,"
                + "\"model_version\":\"querent v3\"}}",
                JSON.writeValueAsString(TaskWriters.prodigy(LABELLED, List.of("spam", "ham"))));
    }

    @Test
    void labelStudioTaskWithAnnotationAndPrediction() throws Exception {
        assertEquals("{\"id\":7,\"data\":{\"text\":\"Cheap meds\",\"item_key\":\"mail/a.txt\",\"path\":\"mail/a.txt\"},"
                + "\"annotations\":[{\"result\":[{\"from_name\":\"label\",\"to_name\":\"text\",\"type\":\"choices\","
                + "\"value\":{\"choices\":[\"spam\"]}}],\"created_username\":\"ana\",\"created_at\":\"2026-12-01T10:00:00Z\","
                + "\"was_cancelled\":false,\"ground_truth\":false}],"
                + "\"predictions\":[{\"model_version\":\"querent v3\",\"score\":0.75,\"result\":[{\"from_name\":\"label\","
                + "\"to_name\":\"text\",\"type\":\"choices\",\"value\":{\"choices\":[\"spam\"]}}]}]}",
                JSON.writeValueAsString(TaskWriters.labelStudio(LABELLED)));
        ExportTask image = new ExportTask(9, "shoes/1.png", "shoes/1.png", true, null, "shoes/1.png", null, List.of(), null, null,
                null, List.of());
        assertEquals("{\"id\":9,\"data\":{\"image\":\"shoes/1.png\",\"item_key\":\"shoes/1.png\",\"path\":\"shoes/1.png\"},"
                + "\"annotations\":[],\"predictions\":[]}", JSON.writeValueAsString(TaskWriters.labelStudio(image)));
    }

    private static final ExportTask AUDIO = new ExportTask(11, "calls/dog.wav", "calls/dog.wav", false, null, null,
            "calls/dog.wav", List.of("dog"), "ana", "2026-12-01T10:00:00Z", "annotator",
            List.of(new ExportTask.Prediction("querent v2", List.of("dog"), 0.5)));

    /** Prodigy's audio interfaces and loaders read the file from "audio"; the choice sits beside it in blocks. */
    @Test
    void prodigyAudioTaskNamesTheFileInAudio() throws Exception {
        int input = TaskWriters.hash32("calls/dog.wav");
        int task = TaskWriters.hash32(input + "\u0000dog\u0000cat");
        assertEquals("{\"audio\":\"calls/dog.wav\",\"options\":[{\"id\":\"dog\",\"text\":\"dog\"},{\"id\":\"cat\","
                + "\"text\":\"cat\"}],\"_input_hash\":" + input + ",\"_view_id\":\"blocks\",\"accept\":[\"dog\"],"
                + "\"_task_hash\":" + task + ",\"answer\":\"accept\",\"_annotator_id\":\"ana\",\"_session_id\":\"ana\","
                + "\"_timestamp\":1796119200,\"meta\":{\"item_key\":\"calls/dog.wav\",\"path\":\"calls/dog.wav\","
                + "\"prediction\":\"dog\",\"score\":0.5,\"model_version\":\"querent v2\"}}",
                JSON.writeValueAsString(TaskWriters.prodigy(AUDIO, List.of("dog", "cat"))));
    }

    /** Label Studio's Audio tag reads $audio: data.audio, and the choices point at the "audio" object. */
    @Test
    void labelStudioAudioTaskAndConfig() throws Exception {
        assertEquals("{\"id\":11,\"data\":{\"audio\":\"calls/dog.wav\",\"item_key\":\"calls/dog.wav\","
                + "\"path\":\"calls/dog.wav\"},\"annotations\":[{\"result\":[{\"from_name\":\"label\",\"to_name\":\"audio\","
                + "\"type\":\"choices\",\"value\":{\"choices\":[\"dog\"]}}],\"created_username\":\"ana\","
                + "\"created_at\":\"2026-12-01T10:00:00Z\",\"was_cancelled\":false,\"ground_truth\":false}],"
                + "\"predictions\":[{\"model_version\":\"querent v2\",\"score\":0.5,\"result\":[{\"from_name\":\"label\","
                + "\"to_name\":\"audio\",\"type\":\"choices\",\"value\":{\"choices\":[\"dog\"]}}]}]}",
                JSON.writeValueAsString(TaskWriters.labelStudio(AUDIO)));
        assertEquals("<View>\n  <Audio name=\"audio\" value=\"$audio\"/>\n  <Choices name=\"label\" toName=\"audio\" "
                + "choice=\"multiple\">\n    <Choice value=\"dog\"/>\n  </Choices>\n</View>\n",
                TaskWriters.labelStudioConfig(List.of("dog"), org.querent.common.ItemKind.AUDIO, true));
    }

    /** What the audio tasks say reads back as the same file, labels, person and time. */
    @Test
    void audioTasksReadBack(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path ls = dir.resolve("audio.json");
        java.nio.file.Files.writeString(ls, "[" + JSON.writeValueAsString(TaskWriters.labelStudio(AUDIO)) + "]");
        LabelFile studio = LabelFiles.read(ls, false, null);
        assertEquals(2, studio.rows().size());
        assertEquals("calls/dog.wav", studio.rows().get(0).item().audio());
        assertEquals(List.of("dog"), studio.rows().get(0).labels());
        assertEquals("ana", studio.rows().get(0).annotator());
        java.nio.file.Path prodigy = dir.resolve("audio.jsonl");
        // as Prodigy's own audio loader writes a task: the file inlined, its path beside it, no Querent meta
        java.nio.file.Files.writeString(prodigy, JSON.writeValueAsString(TaskWriters.prodigy(AUDIO, List.of("dog", "cat")))
                + "\n{\"audio\":\"data:audio/wav;base64,UklGRg==\",\"path\":\"calls/cat.wav\",\"accept\":[\"cat\"],"
                + "\"answer\":\"accept\",\"_view_id\":\"blocks\"}\n");
        List<LabelRow> rows = LabelFiles.read(prodigy, false, null).rows();
        assertEquals("calls/dog.wav", rows.get(0).item().audio());
        assertEquals("2026-12-01T10:00:00Z", rows.get(0).decidedAt());
        assertEquals("calls/cat.wav", rows.get(1).item().path());
        assertEquals(List.of("cat"), rows.get(1).labels());
    }

    @Test
    void storedTimesReadAsInstantParseReadsThem() {
        for (String t : new String[] {"2026-12-01T10:00:00Z", "2026-12-01T10:00:59.999Z", "1999-02-28T23:59:01.5Z",
                "2028-02-29T00:00:00.000Z", "2026-12-01T10:00:00+01:00"}) {
            assertEquals(java.time.OffsetDateTime.parse(t).toEpochSecond(), TaskWriters.epochSeconds(t), t);
        }
    }

    @Test
    void labelStudioConfigNamesTheChoices() {
        assertEquals("<View>\n  <Text name=\"text\" value=\"$text\"/>\n  <Choices name=\"label\" toName=\"text\" "
                + "choice=\"single\">\n    <Choice value=\"spam\"/>\n    <Choice value=\"a &amp; &quot;b&quot;\"/>\n"
                + "  </Choices>\n</View>\n", TaskWriters.labelStudioConfig(List.of("spam", "a & \"b\""),
                org.querent.common.ItemKind.TEXT, false));
    }

    @Test
    void writtenTasksReadBack() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("tasks");
        try {
            java.nio.file.Path ls = dir.resolve("t.json");
            java.nio.file.Files.writeString(ls, "[" + JSON.writeValueAsString(TaskWriters.labelStudio(LABELLED)) + "]");
            LabelFile read = LabelFiles.read(ls, false, null);
            assertEquals(2, read.rows().size());
            assertEquals("mail/a.txt", read.rows().get(0).item().itemKey());
            assertEquals("ana", read.rows().get(0).annotator());
            assertEquals("querent v3", read.rows().get(1).modelVersion());
            java.nio.file.Path prodigy = dir.resolve("t.jsonl");
            java.nio.file.Files.writeString(prodigy, JSON.writeValueAsString(TaskWriters.prodigy(LABELLED, List.of("spam", "ham"))));
            LabelRow row = LabelFiles.read(prodigy, false, null).rows().get(0);
            assertEquals(List.of("spam"), row.labels());
            assertEquals("mail/a.txt", row.item().itemKey());
            assertEquals("2026-12-01T10:00:00Z", row.decidedAt());
        } finally {
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
