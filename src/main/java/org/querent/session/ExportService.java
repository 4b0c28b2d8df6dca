package org.querent.session;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.querent.common.ErrorKind;
import org.querent.common.ItemKind;
import org.querent.common.QuerentException;
import org.querent.interop.ExportTask;
import org.querent.interop.TaskWriters;
import org.querent.project.Project;
import org.querent.store.DecisionRepository.LabelledRow;
import org.querent.store.InterchangeRepository;
import org.querent.store.ItemRecord;

/**
 * Writes the current labels, one row per labelled item, with who decided and what selected the item; or as tasks for
 * Prodigy and Label Studio. With predictions, every scored item is written with the pre-label of the version in use
 * (and of external models imported with import-labels).
 */
public final class ExportService {
    /** Export formats: labelled items (csv, jsonl, prodigy, label-studio), or every decision event (audit, CSV; events, the canonical dump). */
    public enum Format {
        CSV, JSONL, AUDIT, EVENTS, PRODIGY, LABEL_STUDIO;

        /** "label-studio" or "label_studio", any case. */
        public static Format byName(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw QuerentException.usage("unknown export format '" + name + "'; use csv, jsonl, audit, events, prodigy or label-studio");
            }
        }
    }

    /**
     * @param withText    write each text item's text
     * @param predictions the pool and its predictions by the version in use, or null for labels only
     */
    public record Options(boolean withText, Ranker.Ranked predictions) {
        public static Options none() {
            return new Options(false, null);
        }
    }

    static final List<String> COLUMNS = List.of("item_id", "path", "labels", "annotator", "decided_at", "decision",
            "pre_label", "model_version", "strategy", "round", "guideline_version", "origin");
    static final List<String> PREDICTION_COLUMNS = List.of("prediction", "prediction_confidence", "prediction_model");

    private final Project project;
    private final ObjectMapper json = new ObjectMapper();

    public ExportService(Project project) {
        this.project = project;
    }

    /** The canonical event dump (ADR 13): two files that merged the same copies in any order write the same bytes. */
    private int writeEvents(Path out) {
        List<String> lines = org.querent.store.EventDump.lines(project.database());
        Path target = out.toAbsolutePath();
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            Files.write(temp, lines, StandardCharsets.UTF_8);
            Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new org.querent.common.QuerentException(org.querent.common.ErrorKind.STORAGE, "cannot write " + target + ": "
                    + e.getMessage() + " (check the folder is writable and has space)", e);
        }
        return lines.size();
    }

    public int export(Format format, Path out) {
        return export(format, out, Options.none());
    }

    /** Writes the export to a temporary file beside {@code out}, then moves it in place; returns the row count. */
    public int export(Format format, Path out, Options options) {
        if (format == Format.AUDIT) {
            return new org.querent.team.AuditTrail(project).write(out);
        }
        if (format == Format.EVENTS) {
            return writeEvents(out);
        }
        List<LabelledRow> labelled = project.decisions().labelledRows();
        Map<Long, ItemRecord> items = new HashMap<>();
        if (options.withText() || options.predictions() != null || format == Format.PRODIGY || format == Format.LABEL_STUDIO) {
            for (ItemRecord item : project.items().inState("active")) {
                items.put(item.id(), item);
            }
        }
        TaskWriters.Prodigy prodigy = new TaskWriters.Prodigy(project.labelNames());
        Map<Long, LabelledRow> byItem = new LinkedHashMap<>();
        labelled.forEach(r -> byItem.put(r.itemId(), r));
        Map<Long, List<ExportTask.Prediction>> predictions = options.predictions() == null ? Map.of() : predictions(options);
        // labelled items first (in item order), then the predicted rest of the pool
        TreeMap<Long, Boolean> order = new TreeMap<>();
        byItem.keySet().forEach(id -> order.put(id, true));
        predictions.keySet().forEach(id -> order.putIfAbsent(id, false));

        Path target = out.toAbsolutePath();
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        int rows = 0;
        try {
            Files.createDirectories(target.getParent());
            try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                List<String> columns = columns(options);
                if (format == Format.CSV) {
                    w.write(String.join(",", columns));
                    w.write('\n');
                }
                if (format == Format.LABEL_STUDIO) {
                    w.write("[\n");
                }
                for (Long id : order.keySet()) {
                    LabelledRow row = byItem.get(id);
                    ItemRecord item = items.get(id);
                    if (item == null && row == null) {
                        continue;
                    }
                    if (item == null && (format == Format.PRODIGY || format == Format.LABEL_STUDIO || options.withText())) {
                        item = project.items().byId(id).orElse(null);
                    }
                    List<ExportTask.Prediction> predicted = predictions.getOrDefault(id, List.of());
                    switch (format) {
                        case CSV -> w.write(csvLine(values(row, item, predicted, options), columns) + "\n");
                        case JSONL -> w.write(json.writeValueAsString(values(row, item, predicted, options)) + "\n");
                        case PRODIGY -> w.write(json.writeValueAsString(prodigy.task(task(row, item, predicted,
                                options))) + "\n");
                        case LABEL_STUDIO -> w.write((rows > 0 ? ",\n" : "") + json.writeValueAsString(
                                TaskWriters.labelStudio(task(row, item, predicted, options))));
                        default -> throw new IllegalStateException("unhandled format " + format);
                    }
                    rows++;
                }
                if (format == Format.LABEL_STUDIO) {
                    w.write("\n]\n");
                }
            }
            move(temp, target);
        } catch (JsonProcessingException e) {
            throw new QuerentException(ErrorKind.INTERNAL, "cannot write JSON: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.STORAGE, "cannot write " + target + ": " + e.getMessage()
                    + " (check the folder exists, is writable and the disk has space)", e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // only a leftover
            }
        }
        return rows;
    }

    /** The Label Studio labelling config that shows the exported tasks. */
    public String labelStudioConfig() {
        // a project holds one kind of item (its model reads one input); the first active item says which
        ItemKind kind = project.items().inState("active").stream().map(ItemRecord::kind)
                .filter(k -> k != ItemKind.TEXT).findFirst().orElse(ItemKind.TEXT);
        return TaskWriters.labelStudioConfig(project.labelNames(), kind, project.settings().multiLabel());
    }

    private Map<Long, List<ExportTask.Prediction>> predictions(Options options) {
        Map<Long, List<ExportTask.Prediction>> out = new HashMap<>();
        Predictions p = options.predictions().predictions();
        Pool pool = options.predictions().pool();
        if (p.hasPreLabels()) {
            String version = p.modelVersion() == null ? "querent " + p.predictor() : "querent v" + p.modelVersion();
            for (int i = 0; i < pool.size(); i++) {
                QueueService.PreLabel pre = QueueService.PreLabel.of(p.probabilities(i), p.labels(),
                        project.settings().multiLabel());
                out.computeIfAbsent(pool.items().get(i).id(), k -> new ArrayList<>()).add(new ExportTask.Prediction(version,
                        List.of(pre.labels().split(",")), pre.confidence()));
            }
        }
        for (InterchangeRepository.ExternalPrediction e : new InterchangeRepository(project.database(), project.clock())
                .externalPredictions()) {
            out.computeIfAbsent(e.itemId(), k -> new ArrayList<>()).add(new ExportTask.Prediction(e.modelVersion(),
                    e.labels(), e.score()));
        }
        return out;
    }

    private static List<String> columns(Options options) {
        List<String> columns = new ArrayList<>(COLUMNS);
        if (options.withText()) {
            columns.add("text");
        }
        if (options.predictions() != null) {
            columns.addAll(PREDICTION_COLUMNS);
        }
        return columns;
    }

    private static ExportTask task(LabelledRow row, ItemRecord item, List<ExportTask.Prediction> predicted, Options options) {
        boolean image = item != null && item.kind() == ItemKind.IMAGE;
        boolean audio = item != null && item.kind() == ItemKind.AUDIO;
        String key = row != null ? row.key() : item.key();
        return new ExportTask(item != null ? item.id() : row.itemId(), key, item != null ? item.path() : key, image,
                !image && !audio && options.withText() && item != null ? item.body() : null, image ? item.path() : null,
                audio ? item.path() : null,
                row == null ? List.of() : row.labels(), row == null ? null : row.annotator(),
                row == null ? null : row.decidedAt(), row == null ? null : row.origin(), predicted);
    }

    private static Map<String, Object> values(LabelledRow row, ItemRecord item, List<ExportTask.Prediction> predicted,
                                              Options options) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("item_id", row != null ? row.itemId() : item.id());
        v.put("path", row != null ? row.key() : item.key());
        v.put("labels", row == null ? List.of() : row.labels());
        v.put("annotator", row == null ? null : row.annotator());
        v.put("decided_at", row == null ? null : row.decidedAt());
        v.put("decision", row == null ? null : row.accepted() == null ? "no-pre-label" : row.accepted() ? "accepted" : "corrected");
        v.put("pre_label", row == null ? null : row.preLabel());
        v.put("model_version", row == null ? null : row.modelVersion());
        v.put("strategy", row == null ? null : row.strategy());
        v.put("round", row == null ? null : row.roundId());
        v.put("guideline_version", row == null ? null : row.guidelineVersion());
        v.put("origin", row == null ? null : row.origin());
        if (options.withText()) {
            v.put("text", item == null ? null : item.body());
        }
        if (options.predictions() != null) {
            ExportTask.Prediction p = predicted.isEmpty() ? null : predicted.get(0);
            v.put("prediction", p == null ? null : p.labels());
            v.put("prediction_confidence", p == null ? null : p.score());
            v.put("prediction_model", p == null ? null : p.modelVersion());
        }
        return v;
    }

    static String csvLine(Map<String, Object> values) {
        return csvLine(values, COLUMNS);
    }

    @SuppressWarnings("unchecked")
    static String csvLine(Map<String, Object> values, List<String> columns) {
        StringBuilder line = new StringBuilder();
        for (String column : columns) {
            if (line.length() > 0) {
                line.append(',');
            }
            Object value = values.get(column);
            String text = value == null ? "" : value instanceof List<?> list
                    ? String.join(";", (List<String>) list) : value.toString();
            line.append(csvField(text));
        }
        return line.toString();
    }

    static String csvField(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
