package org.querent.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** One item per data row of a .csv file with a header row; the text comes from one column. */
final class CsvItemReader implements ItemReader {

    /** A data record and the line it starts on, kept for messages. */
    private record Record(List<String> fields, long line) {
    }

    @Override
    public void read(FoundFile file, ScanOptions options, Consumer<ScannedItem> out) throws IOException {
        TableRows rows = new TableRows(file, options, out);
        String text = rows.loadText();
        if (text == null) {
            return;
        }
        CsvReader csv = new CsvReader(new StringReader(text));
        List<String> header;
        List<Record> records = new ArrayList<>();
        try {
            header = csv.readHeader();
            for (List<String> fields = csv.next(); fields != null; fields = csv.next()) {
                if (!(fields.size() == 1 && fields.get(0).isEmpty())) { // blank lines are not rows
                    records.add(new Record(fields, csv.recordLine()));
                }
            }
        } catch (CsvFormatException e) {
            rows.quarantineFile(text, "not a readable CSV file: " + e.getMessage());
            return;
        }
        if (header == null || TextChecks.isBlank(String.join("", header))) {
            rows.quarantineFile(text, "CSV file has no header row naming its columns");
            return;
        }
        if (records.isEmpty()) {
            // Said, not silent: an export that lost its rows looks just like this.
            rows.quarantineFile(text, "CSV file has a header row but no data rows: nothing to label in it");
            return;
        }
        TextColumnChoice column = TextColumnChoice.choose(header,
                records.stream().map(Record::fields).toList(), options.textColumn());
        if (column.problem() != null) {
            rows.quarantineFile(text, column.problem());
            return;
        }
        for (int row = 0; row < records.size(); row++) {
            Record record = records.get(row);
            String where = "line " + record.line();
            if (record.fields().size() > header.size()) {
                rows.quarantine(row, String.join(",", record.fields()), "row on " + where + " has "
                        + record.fields().size() + " fields, the header has " + header.size()
                        + ": quote a text that contains commas (\"like, this\")");
            } else if (column.index() < record.fields().size()) {
                rows.text(row, record.fields().get(column.index()), where);
            } else {
                rows.quarantine(row, String.join(",", record.fields()), "row on " + where + " has "
                        + record.fields().size() + " fields, the header has " + header.size());
            }
        }
    }
}
