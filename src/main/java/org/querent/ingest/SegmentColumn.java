package org.querent.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads one column (CSV) or field (JSONL) of a table file per row, numbered as the item readers number rows
 * (blank lines are not rows), so rows of a table can be grouped by a segment such as region or channel.
 */
public final class SegmentColumn {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SegmentColumn() {
    }

    /** The column names of a CSV file's header, or the field names of a JSONL file's first row; empty when none. */
    public static List<String> columns(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl")) {
            try (java.io.BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (TextChecks.isBlank(line)) {
                        continue;
                    }
                    try {
                        JsonNode row = JSON.readTree(line.startsWith("\uFEFF") ? line.substring(1) : line);
                        List<String> out = new java.util.ArrayList<>();
                        row.fieldNames().forEachRemaining(out::add);
                        return out;
                    } catch (IOException | RuntimeException e) {
                        return List.of(); // a damaged first row: the import quarantined it
                    }
                }
                return List.of();
            }
        }
        try (java.io.BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null) {
                return List.of();
            }
            if (first.startsWith("\uFEFF")) {
                first = first.substring(1);
            }
            List<String> header = new CsvReader(new StringReader(first)).readHeader();
            return header == null ? List.of() : List.copyOf(header);
        } catch (CsvFormatException e) {
            return List.of();
        }
    }

    /** Row index to the column's value; empty when the file has no such column. */
    public static Map<Integer, String> read(Path file, String column) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<Integer, String> out = new HashMap<>();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl")) {
            int row = 0;
            for (String line : text.split("\n", -1)) {
                if (TextChecks.isBlank(line)) {
                    continue;
                }
                try {
                    JsonNode value = JSON.readTree(line).get(column);
                    if (value != null && !value.isNull()) {
                        out.put(row, value.isTextual() ? value.textValue() : value.toString());
                    }
                } catch (IOException | RuntimeException e) {
                    // A row the import quarantined: it has no segment.
                }
                row++;
            }
            return out;
        }
        CsvReader csv = new CsvReader(new StringReader(text));
        try {
            List<String> header = csv.readHeader();
            int index = header == null ? -1 : header.indexOf(column);
            if (index < 0) {
                return out;
            }
            int row = 0;
            for (List<String> fields = csv.next(); fields != null; fields = csv.next()) {
                if (fields.size() == 1 && fields.get(0).isEmpty()) {
                    continue;
                }
                if (index < fields.size()) {
                    out.put(row, fields.get(index));
                }
                row++;
            }
        } catch (CsvFormatException e) {
            return out; // the import quarantined the whole file
        }
        return out;
    }
}
