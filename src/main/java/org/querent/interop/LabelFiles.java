package org.querent.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;
import org.querent.ingest.CsvFormatException;
import org.querent.ingest.CsvReader;

/**
 * Reads label files: CSV ({@code path} or {@code item_key} or {@code text}, {@code label}, optional {@code annotator},
 * {@code time}), Prodigy JSONL ({@code text}/{@code image}, {@code label} + {@code answer}, or the choice interface's
 * {@code accept} list; {@code _annotator_id}, {@code _session_id}, {@code _timestamp}), Querent's own JSONL export,
 * and Label Studio JSON exports (tasks with {@code annotations[].result[]} of type {@code choices}, and
 * {@code predictions} with {@code model_version} and {@code score}). A file that cannot be read whole is refused with
 * the lines at fault: an import never starts from half a file.
 */
public final class LabelFiles {
    /** At most this many faulty lines are named in one message. */
    static final int MAX_NAMED = 10;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern EPOCH = java.util.regex.Pattern.compile("\\d{9,13}(\\.\\d+)?");

    private LabelFiles() {
    }

    /** Reads by extension: .csv, .jsonl, .json. {@code asPredictions} marks every label a prediction. */
    public static LabelFile read(Path file, boolean asPredictions, String predictionsModelVersion) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            LabelFile read;
            if (name.endsWith(".csv")) {
                read = csv(file);
            } else if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                read = jsonl(file);
            } else if (name.endsWith(".json")) {
                read = labelStudio(file);
            } else {
                throw QuerentException.usage(file.getFileName() + ": import-labels reads .csv, .jsonl (Prodigy or"
                        + " Querent) and .json (a Label Studio export)");
            }
            return asPredictions ? toPredictions(read, predictionsModelVersion) : read;
        } catch (NoSuchFileException e) {
            throw QuerentException.notFound("label file not found: " + file);
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.NOT_FOUND, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static LabelFile toPredictions(LabelFile file, String modelVersion) {
        List<LabelRow> rows = new ArrayList<>();
        for (LabelRow r : file.rows()) {
            rows.add(r.prediction() ? r : new LabelRow(r.line(), r.item(), r.labels(), r.annotator(), r.decidedAt(),
                    r.note(), true, r.modelVersion() != null ? r.modelVersion()
                    : modelVersion != null ? modelVersion : r.annotator() != null ? r.annotator() : "external", r.score()));
        }
        return new LabelFile(file.format(), file.unit(), rows, file.skipped());
    }

    // ---- CSV ---------------------------------------------------------------------------------------

    private static final List<String> LABEL_COLUMNS = List.of("label", "labels");
    private static final List<String> TIME_COLUMNS = List.of("time", "decided_at", "timestamp", "created_at");

    static LabelFile csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvReader reader = new CsvReader(in);
            List<String> header = reader.readHeader();
            if (header == null) {
                throw QuerentException.usage(file.getFileName() + " is empty: a label CSV needs a header line such as"
                        + " path,label,annotator,time");
            }
            Map<String, Integer> column = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                column.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
            }
            Integer label = first(column, LABEL_COLUMNS);
            Integer path = column.get("path");
            Integer key = column.get("item_key");
            Integer text = column.get("text");
            if (label == null || (path == null && key == null && text == null)) {
                throw QuerentException.usage(file.getFileName() + " line 1: the header " + header + " needs a 'label'"
                        + " column and a 'path', 'item_key' or 'text' column (optional: annotator, time)");
            }
            Integer annotator = column.get("annotator");
            Integer time = first(column, TIME_COLUMNS);
            Integer score = column.get("score");
            Integer modelVersion = column.get("model_version");
            List<LabelRow> rows = new ArrayList<>();
            List<String> faults = new ArrayList<>();
            List<String> record;
            while (true) {
                try {
                    record = reader.next();
                } catch (CsvFormatException e) {
                    faults.add(e.getMessage());
                    break;
                }
                if (record == null) {
                    break;
                }
                int line = (int) reader.recordLine();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                String labels = cell(record, label);
                if (labels == null) {
                    faults.add("line " + line + ": no label");
                    continue;
                }
                try {
                    rows.add(new LabelRow(line, new ItemLocator(cell(record, key), cell(record, path), null, null, cell(record, text)),
                            splitLabels(labels), cell(record, annotator), instant(cell(record, time)), null, false,
                            cell(record, modelVersion), number(cell(record, score))));
                } catch (IllegalArgumentException e) {
                    faults.add("line " + line + ": " + e.getMessage());
                }
            }
            refuseFaults(file, faults);
            return new LabelFile("csv", "line", rows, List.of());
        }
    }

    private static Integer first(Map<String, Integer> column, List<String> names) {
        return names.stream().map(column::get).filter(i -> i != null).findFirst().orElse(null);
    }

    private static String cell(List<String> record, Integer index) {
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index);
        return value == null || value.isBlank() ? null : value;
    }

    /** Several labels of one item are separated by ';' (as Querent's CSV export writes them). */
    private static List<String> splitLabels(String cell) {
        return Arrays.stream(cell.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Double number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("score '" + value + "' is not a number");
        }
    }

    // ---- JSONL: Prodigy or Querent ----------------------------------------------------------------

    static LabelFile jsonl(Path file) throws IOException {
        List<LabelRow> rows = new ArrayList<>();
        List<LabelFile.Skipped> skipped = new ArrayList<>();
        List<String> faults = new ArrayList<>();
        boolean prodigy = false;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode task;
                try {
                    task = JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    faults.add("line " + line + ": not JSON (" + e.getOriginalMessage() + ")");
                    continue;
                }
                if (!task.isObject()) {
                    faults.add("line " + line + ": not a JSON object");
                    continue;
                }
                try {
                    prodigy |= task.has("answer") || task.has("_input_hash");
                    prodigyTask(task, line, rows, skipped);
                } catch (IllegalArgumentException e) {
                    faults.add("line " + line + ": " + e.getMessage());
                }
            }
        }
        refuseFaults(file, faults);
        return new LabelFile(prodigy ? "prodigy" : "jsonl", "line", rows, skipped);
    }

    private static void prodigyTask(JsonNode task, int line, List<LabelRow> rows, List<LabelFile.Skipped> skipped) {
        JsonNode meta = task.path("meta");
        ItemLocator item = new ItemLocator(text(task, "item_key", meta.path("item_key")),
                text(task, "path", meta.path("path")), text(task, "image", null), text(task, "audio", null),
                text(task, "text", null));
        if (item.itemKey() == null && item.path() == null && item.image() == null && item.audio() == null
                && item.text() == null) {
            throw new IllegalArgumentException("no 'text', 'image', 'audio', 'path' or 'item_key' says which item it is");
        }
        String annotator = text(task, "_annotator_id", task.path("annotator"));
        String session = text(task, "_session_id", null);
        String time = task.has("_timestamp") ? instant(task.get("_timestamp").asText())
                : instant(text(task, "decided_at", null));
        String note = session == null ? null : "prodigy session " + session;
        String answer = text(task, "answer", null);
        List<String> labels;
        if (task.has("accept") && task.get("accept").isArray()) {
            labels = acceptedOptions(task);
        } else if (task.has("labels") && task.get("labels").isArray()) {
            labels = strings(task.get("labels"));
        } else if (task.hasNonNull("label")) {
            labels = List.of(task.get("label").asText());
        } else {
            throw new IllegalArgumentException("no 'label', 'accept' or 'labels' field");
        }
        if (answer != null && !answer.equals("accept")) {
            skipped.add(new LabelFile.Skipped(line, "answer '" + answer + "'" + (answer.equals("reject")
                    ? " (the label does not apply; Querent imports accepted labels)" : "")));
            return;
        }
        if (labels.isEmpty()) {
            skipped.add(new LabelFile.Skipped(line, "accepted with no option chosen"));
            return;
        }
        rows.add(new LabelRow(line, item, labels, annotator, time, note, false, null, null));
    }

    /** The choice interface stores option ids in 'accept'; the option's text is the label when the id is a number. */
    private static List<String> acceptedOptions(JsonNode task) {
        Map<String, String> textById = new HashMap<>();
        for (JsonNode option : task.path("options")) {
            if (option.has("id") && option.has("text")) {
                textById.put(option.get("id").asText(), option.get("text").asText());
            }
        }
        List<String> out = new ArrayList<>();
        for (JsonNode id : task.get("accept")) {
            String value = id.asText();
            out.add(id.isNumber() && textById.containsKey(value) ? textById.get(value) : value);
        }
        return out;
    }

    // ---- Label Studio JSON --------------------------------------------------------------------------

    static LabelFile labelStudio(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw QuerentException.usage(file.getFileName() + " line " + e.getLocation().getLineNr() + ": not valid JSON ("
                    + e.getOriginalMessage() + "); import-labels reads a Label Studio JSON export (a list of tasks)");
        }
        if (root == null || !root.isArray()) {
            throw QuerentException.usage(file.getFileName() + " is not a Label Studio JSON export: it must be a list of"
                    + " tasks (Export > JSON in Label Studio)");
        }
        List<LabelRow> rows = new ArrayList<>();
        List<LabelFile.Skipped> skipped = new ArrayList<>();
        List<String> faults = new ArrayList<>();
        int number = 0;
        for (JsonNode task : root) {
            number++;
            String where = "task " + number + (task.has("id") ? " (id " + task.get("id").asText() + ")" : "");
            try {
                labelStudioTask(task, number, rows, skipped);
            } catch (IllegalArgumentException e) {
                faults.add(where + ": " + e.getMessage());
            }
        }
        refuseFaults(file, faults);
        return new LabelFile("label-studio", "task", rows, skipped);
    }

    private static void labelStudioTask(JsonNode task, int number, List<LabelRow> rows, List<LabelFile.Skipped> skipped) {
        if (!task.isObject() || !task.path("data").isObject()) {
            throw new IllegalArgumentException("not a Label Studio task (no 'data' object)");
        }
        JsonNode data = task.get("data");
        JsonNode meta = task.path("meta");
        ItemLocator item = new ItemLocator(text(data, "item_key", meta.path("item_key")), text(data, "path", meta.path("path")),
                text(data, "image", null), text(data, "audio", null), text(data, "text", null));
        if (item.itemKey() == null && item.path() == null && item.image() == null && item.audio() == null
                && item.text() == null) {
            throw new IllegalArgumentException("its data has no 'text', 'image', 'audio', 'path' or 'item_key'");
        }
        JsonNode annotations = task.has("annotations") ? task.get("annotations") : task.path("completions");
        for (JsonNode annotation : annotations) {
            if (annotation.path("was_cancelled").asBoolean(false)) {
                skipped.add(new LabelFile.Skipped(number, "a cancelled annotation"));
                continue;
            }
            List<String> labels = choices(annotation.path("result"));
            if (labels.isEmpty()) {
                skipped.add(new LabelFile.Skipped(number, "an annotation with no choice"));
                continue;
            }
            rows.add(new LabelRow(number, item, labels, annotator(annotation), instant(text(annotation, "created_at", null)),
                    null, false, null, null));
        }
        for (JsonNode prediction : task.path("predictions")) {
            List<String> labels = choices(prediction.path("result"));
            if (labels.isEmpty()) {
                continue;
            }
            Double score = prediction.hasNonNull("score") ? prediction.get("score").asDouble() : null;
            rows.add(new LabelRow(number, item, labels, null, null, null, true,
                    text(prediction, "model_version", null) == null ? "label-studio" : prediction.get("model_version").asText(),
                    score));
        }
    }

    /** Labels of results of type choices; any other result type means another kind of task, which is refused. */
    private static List<String> choices(JsonNode results) {
        List<String> labels = new ArrayList<>();
        for (JsonNode result : results) {
            String type = result.path("type").asText("");
            if (!type.equals("choices")) {
                throw new IllegalArgumentException("has a result of type '" + type + "': this is not a classification"
                        + " project; import-labels reads results of type 'choices'");
            }
            for (String label : strings(result.path("value").path("choices"))) {
                if (!labels.contains(label)) {
                    labels.add(label);
                }
            }
        }
        return labels;
    }

    private static String annotator(JsonNode annotation) {
        JsonNode by = annotation.path("completed_by");
        if (by.isObject()) {
            String email = text(by, "email", null);
            return email != null ? email : by.has("id") ? "label-studio-user-" + by.get("id").asText() : null;
        }
        if (by.isNumber() || by.isTextual()) {
            String name = text(annotation, "created_username", null);
            return name != null ? name : "label-studio-user-" + by.asText();
        }
        return text(annotation, "created_username", null);
    }

    // ---- shared ---------------------------------------------------------------------------------------

    private static String text(JsonNode node, String field, JsonNode fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
            value = fallback;
        }
        if (value == null || value.isNull() || value.isMissingNode() || value.isContainerNode()) {
            return null;
        }
        String s = value.asText();
        return s.isEmpty() ? null : s;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array) {
            out.add(v.asText());
        }
        return out;
    }

    /**
     * A time as the files write it (ISO-8601 with or without an offset, a date, epoch seconds or milliseconds), as
     * an ISO-8601 UTC instant to the millisecond; null stays null.
     */
    static String instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        Instant stored = Times.utc(v);
        if (stored != null) {
            return stored.truncatedTo(ChronoUnit.MILLIS).toString();
        }
        try {
            if (EPOCH.matcher(v).matches()) {
                double number = Double.parseDouble(v);
                long millis = v.length() >= 13 ? (long) number : Math.round(number * 1000);
                return Instant.ofEpochMilli(millis).toString();
            }
            Instant instant;
            try {
                instant = OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    instant = LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notLocal) {
                    instant = LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
                }
            }
            return instant.truncatedTo(ChronoUnit.MILLIS).toString();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("time '" + value + "' is not a date-time (write ISO-8601, e.g."
                    + " 2026-12-03T09:00:00Z, or epoch seconds)");
        }
    }

    private static void refuseFaults(Path file, List<String> faults) {
        if (faults.isEmpty()) {
            return;
        }
        String named = String.join("; ", faults.subList(0, Math.min(MAX_NAMED, faults.size())));
        throw QuerentException.usage(file.getFileName() + ": " + faults.size() + " row" + (faults.size() == 1 ? "" : "s")
                + " cannot be read, so nothing was imported: " + named + (faults.size() > MAX_NAMED ? "; ..." : "")
                + ". Fix them (or remove them) and import again");
    }
}
