package org.querent.session;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.store.DecisionRepository.LabelledRow;

/** Writes the current labels, one row per labelled item, with who decided and what selected the item. */
public final class ExportService {
    /** Export formats: labelled items (csv, jsonl), or every decision event (audit, CSV). */
    public enum Format { CSV, JSONL, AUDIT, EVENTS }

    static final List<String> COLUMNS = List.of("item_id", "path", "labels", "annotator", "decided_at", "decision",
            "pre_label", "model_version", "strategy", "round", "guideline_version", "origin");

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

    /** Writes the export to a temporary file beside {@code out}, then moves it in place; returns the row count. */
    public int export(Format format, Path out) {
        if (format == Format.AUDIT) {
            return new org.querent.team.AuditTrail(project).write(out);
        }
        if (format == Format.EVENTS) {
            return writeEvents(out);
        }
        List<LabelledRow> rows = project.decisions().labelledRows();
        Path target = out.toAbsolutePath();
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                if (format == Format.CSV) {
                    w.write(String.join(",", COLUMNS));
                    w.write('\n');
                }
                for (LabelledRow row : rows) {
                    Map<String, Object> values = values(row);
                    if (format == Format.CSV) {
                        w.write(csvLine(values));
                    } else {
                        w.write(json.writeValueAsString(values));
                    }
                    w.write('\n');
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (JsonProcessingException e) {
            throw new QuerentException(ErrorKind.INTERNAL, "cannot write JSON: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.STORAGE, "cannot write " + target + ": " + e.getMessage()
                    + " (check the folder exists, is writable and the disk has space)", e);
        }
        return rows.size();
    }

    private Map<String, Object> values(LabelledRow row) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("item_id", row.itemId());
        v.put("path", row.key());
        v.put("labels", row.labels());
        v.put("annotator", row.annotator());
        v.put("decided_at", row.decidedAt());
        v.put("decision", row.accepted() == null ? "no-pre-label" : row.accepted() ? "accepted" : "corrected");
        v.put("pre_label", row.preLabel());
        v.put("model_version", row.modelVersion());
        v.put("strategy", row.strategy());
        v.put("round", row.roundId());
        v.put("guideline_version", row.guidelineVersion());
        v.put("origin", row.origin());
        return v;
    }

    @SuppressWarnings("unchecked")
    static String csvLine(Map<String, Object> values) {
        StringBuilder line = new StringBuilder();
        for (String column : COLUMNS) {
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
}
