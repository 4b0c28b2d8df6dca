package org.querent.interop;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.querent.common.Hashes;

/**
 * The JSON shapes other tools read, written from their public documentation:
 * <ul>
 * <li>Prodigy (prodi.gy/docs/api-interfaces#choice, db-in): one task per line, {@code text} or {@code image},
 * {@code options} [{id, text}], {@code accept} [ids], {@code answer}, {@code _input_hash}, {@code _task_hash}
 * (32-bit ints), {@code _annotator_id}, {@code _session_id}, {@code _timestamp}, {@code _view_id}, {@code meta};
 * an audio item carries {@code audio} (the key Prodigy's audio interfaces and loaders use, prodi.gy/docs/audio-video)
 * and is viewed as {@code blocks} of audio and choice;</li>
 * <li>Label Studio (labelstud.io/guide/tasks, export JSON): a list of tasks {@code {id, data, annotations:
 * [{result: [{from_name, to_name, type: "choices", value: {choices}}]}], predictions: [{model_version, score,
 * result}]}}, importable as pre-annotated tasks; the item is {@code data.text}, {@code data.image} or {@code data.audio}
 * (the {@code $audio} of an {@code <Audio>} tag).</li>
 * </ul>
 */
public final class TaskWriters {
    /** The control and object names a Label Studio labelling config for these tasks uses. */
    public static final String LS_FROM_NAME = "label";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskWriters() {
    }

    /** A Prodigy choice task: a labelled item is an accepted answer; an unlabelled one a task with its pre-label. */
    public static ObjectNode prodigy(ExportTask task, List<String> taxonomy) {
        return new Prodigy(taxonomy).task(task);
    }

    /** Writes Prodigy tasks for one taxonomy: the options and the task-hash suffix are made once per export. */
    public static final class Prodigy {
        private final ArrayNode options = JSON.createArrayNode();
        private final String taskSuffix;

        public Prodigy(List<String> taxonomy) {
            for (String label : taxonomy) {
                options.addObject().put("id", label).put("text", label);
            }
            taskSuffix = "\u0000" + String.join("\u0000", taxonomy);
        }

        public ObjectNode task(ExportTask task) {
            return prodigyTask(task, options, taskSuffix);
        }
    }

    private static ObjectNode prodigyTask(ExportTask task, ArrayNode optionsTemplate, String taskSuffix) {
        ObjectNode node = JSON.createObjectNode();
        String input = task.isImage() ? task.image() : task.audio() != null ? task.audio()
                : task.text() != null ? task.text() : task.itemKey();
        if (task.isImage()) {
            node.put("image", task.image());
        } else if (task.audio() != null) {
            node.put("audio", task.audio());
        } else if (task.text() != null) {
            node.put("text", task.text());
        }
        // shared, never changed: the tasks are serialised one at a time
        node.set("options", optionsTemplate);
        int inputHash = hash32(input);
        node.put("_input_hash", inputHash);
        node.put("_view_id", task.audio() != null ? "blocks" : "choice");
        ObjectNode meta = JSON.createObjectNode().put("item_key", task.itemKey()).put("path", task.path());
        if (!task.labels().isEmpty()) {
            ArrayNode accept = node.putArray("accept");
            task.labels().forEach(accept::add);
            node.put("_task_hash", hash32(inputHash + taskSuffix));
            node.put("answer", "accept");
            if (task.annotator() != null) {
                node.put("_annotator_id", task.annotator());
                node.put("_session_id", task.annotator());
            }
            if (task.decidedAt() != null) {
                node.put("_timestamp", epochSeconds(task.decidedAt()));
            }
        } else {
            node.put("_task_hash", hash32(inputHash + taskSuffix));
        }
        if (!task.predictions().isEmpty()) {
            ExportTask.Prediction p = task.predictions().get(0);
            meta.put("prediction", String.join(",", p.labels()));
            if (p.score() != null) {
                meta.put("score", p.score());
            }
            meta.put("model_version", p.modelVersion());
        }
        node.set("meta", meta);
        return node;
    }

    /** A Label Studio task with its annotation (when labelled) and predictions. */
    public static ObjectNode labelStudio(ExportTask task) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", task.itemId());
        ObjectNode data = node.putObject("data");
        String toName = objectName(task);
        if (task.isImage()) {
            data.put("image", task.image());
        } else if (task.audio() != null) {
            data.put("audio", task.audio());
        } else if (task.text() != null) {
            data.put("text", task.text());
        }
        data.put("item_key", task.itemKey());
        data.put("path", task.path());
        ArrayNode annotations = node.putArray("annotations");
        if (!task.labels().isEmpty()) {
            ObjectNode a = annotations.addObject();
            a.set("result", choices(task.labels(), toName));
            if (task.annotator() != null) {
                a.put("created_username", task.annotator());
            }
            if (task.decidedAt() != null) {
                a.put("created_at", task.decidedAt());
            }
            a.put("was_cancelled", false);
            a.put("ground_truth", false);
        }
        ArrayNode predictions = node.putArray("predictions");
        for (ExportTask.Prediction p : task.predictions()) {
            ObjectNode pn = predictions.addObject();
            pn.put("model_version", p.modelVersion());
            if (p.score() != null) {
                pn.put("score", p.score());
            }
            pn.set("result", choices(p.labels(), toName));
        }
        return node;
    }

    private static String objectName(ExportTask task) {
        return task.isImage() ? "image" : task.audio() != null ? "audio" : "text";
    }

    private static ArrayNode choices(List<String> labels, String toName) {
        ArrayNode result = JSON.createArrayNode();
        ObjectNode r = result.addObject();
        r.put("from_name", LS_FROM_NAME);
        r.put("to_name", toName);
        r.put("type", "choices");
        ArrayNode choices = r.putObject("value").putArray("choices");
        labels.forEach(choices::add);
        return result;
    }

    /** A labelling config that shows these tasks in Label Studio (single or multiple choice). */
    public static String labelStudioConfig(List<String> taxonomy, org.querent.common.ItemKind kind, boolean multiLabel) {
        String object = switch (kind) {
            case IMAGE -> "image";
            case AUDIO -> "audio";
            case TEXT -> "text";
        };
        String tag = Character.toUpperCase(object.charAt(0)) + object.substring(1);
        StringBuilder xml = new StringBuilder("<View>\n  ");
        xml.append('<').append(tag).append(" name=\"").append(object).append("\" value=\"$").append(object).append("\"/>");
        xml.append("\n  <Choices name=\"").append(LS_FROM_NAME).append("\" toName=\"").append(object)
                .append("\" choice=\"").append(multiLabel ? "multiple" : "single").append("\">\n");
        for (String label : taxonomy) {
            xml.append("    <Choice value=\"").append(label.replace("&", "&amp;").replace("\"", "&quot;")
                    .replace("<", "&lt;")).append("\"/>\n");
        }
        return xml.append("  </Choices>\n</View>\n").toString();
    }

    static long epochSeconds(String iso) {
        return Times.epochSeconds(iso);
    }

    /** A stable signed 32-bit hash, the width Prodigy's hashes have. */
    static int hash32(String value) {
        byte[] digest = Hashes.sha256().digest(value.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest).getInt();
    }
}
