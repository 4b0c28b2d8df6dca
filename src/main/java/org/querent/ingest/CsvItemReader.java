package org.querent.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One item per data row of a .csv file with a header row; the text comes from one column. Rows are streamed:
 * only the first {@value #SAMPLE_ROWS} are held, to choose the text column, then each row goes out as it is read.
 * A quote left open swallows the rest of the file into one field: the rows before it stand, and the rest is one
 * quarantined row that says where the quote opened.
 */
final class CsvItemReader implements ItemReader {
    /** Rows looked at to find the text column when none is named. */
    static final int SAMPLE_ROWS = 1000;

    /** A data record and the line it starts on, kept for messages. */
    private record Record(List<String> fields, long line) {
    }

    @Override
    public void read(FoundFile file, ScanOptions options, Consumer<ScannedItem> out) throws IOException {
        TableRows rows = new TableRows(file, options, out);
        try (Reader text = rows.open()) {
            if (text != null) {
                read(new CsvReader(text), rows, options);
            }
        }
    }

    private static void read(CsvReader csv, TableRows rows, ScanOptions options) throws IOException {
        List<String> header;
        List<Record> sample = new ArrayList<>();
        boolean more;
        try {
            header = csv.readHeader();
            more = header != null && fill(csv, sample);
        } catch (CsvFormatException e) {
            rows.quarantineFile("not a readable CSV file: " + e.getMessage());
            return;
        }
        if (header == null || TextChecks.isBlank(String.join("", header))) {
            rows.quarantineFile("CSV file has no header row naming its columns");
            return;
        }
        if (sample.isEmpty()) {
            // Said, not silent: an export that lost its rows looks just like this.
            rows.quarantineFile("CSV file has a header row but no data rows: nothing to label in it");
            return;
        }
        TextColumnChoice column = TextColumnChoice.choose(header, sample.stream().map(Record::fields).toList(),
                options.textColumn());
        if (column.problem() != null) {
            rows.quarantineFile(column.problem());
            return;
        }
        int row = 0;
        for (Record record : sample) {
            deliver(record, row++, header, column, rows);
        }
        sample.clear();
        while (more) {
            Record record;
            try {
                record = nextRecord(csv);
            } catch (CsvFormatException e) {
                rows.quarantine(row, "unreadable from line " + e.line(), e.getMessage() + ": the rest of the file"
                        + " could not be read; close the quote and import again");
                return;
            }
            if (record == null) {
                return;
            }
            deliver(record, row++, header, column, rows);
        }
    }

    /** Reads up to {@link #SAMPLE_ROWS} records; false when the input ended. */
    private static boolean fill(CsvReader csv, List<Record> sample) throws IOException {
        while (sample.size() < SAMPLE_ROWS) {
            Record record = nextRecord(csv);
            if (record == null) {
                return false;
            }
            sample.add(record);
        }
        return true;
    }

    /** The next data record, skipping blank lines; null at the end. */
    private static Record nextRecord(CsvReader csv) throws IOException {
        for (List<String> fields = csv.next(); fields != null; fields = csv.next()) {
            if (!(fields.size() == 1 && fields.get(0).isEmpty())) { // blank lines are not rows
                return new Record(fields, csv.recordLine());
            }
        }
        return null;
    }

    private static void deliver(Record record, int row, List<String> header, TextColumnChoice column, TableRows rows) {
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
