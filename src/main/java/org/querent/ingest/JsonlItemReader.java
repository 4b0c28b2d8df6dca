package org.querent.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One item per non-blank line of a .jsonl file; the text comes from one string field. A line that is not a JSON
 * object with that field is quarantined alone, with its line number, and the rest of the file is read. Lines are
 * streamed, one at a time.
 */
final class JsonlItemReader implements ItemReader {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public void read(FoundFile file, ScanOptions options, Consumer<ScannedItem> out) throws IOException {
        TableRows rows = new TableRows(file, options, out);
        try (Reader text = rows.open()) {
            if (text != null) {
                read(new BufferedReader(text, 1 << 16), rows, options.textField());
            }
        }
    }

    private static void read(BufferedReader lines, TableRows rows, String field) throws IOException {
        int row = 0;
        long number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (TextChecks.isBlank(line)) {
                continue;
            }
            String where = "line " + number;
            JsonNode value = null;
            String problem;
            try {
                JsonNode node = JSON.readTree(line);
                problem = node.isObject() ? null : where + " is not a JSON object";
                if (problem == null) {
                    value = node.get(field);
                    problem = fieldProblem(node, value, field, where);
                }
            } catch (JsonProcessingException e) {
                problem = where + " is not valid JSON: " + e.getOriginalMessage();
            }
            if (problem == null) {
                rows.text(row, value.textValue(), where);
            } else {
                rows.quarantine(row, line, problem);
            }
            row++;
        }
    }

    private static String fieldProblem(JsonNode object, JsonNode value, String field, String where) {
        if (value == null) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            return where + " has no \"" + field + "\" field (fields: " + String.join(", ", names)
                    + "); set the text field option";
        }
        if (!value.isTextual()) {
            return where + ": field \"" + field + "\" is " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not a string";
        }
        return null;
    }
}
