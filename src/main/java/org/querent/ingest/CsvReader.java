package org.querent.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time: comma-separated fields, fields in double quotes may hold commas,
 * line breaks and doubled quotes ({@code ""}); records end with CRLF, LF or CR. It is lenient where files in the
 * wild are: a quote inside an unquoted field, or text after a closing quote, is kept as it is. A quote left open
 * at the end of the input is an error, since everything after it would be swallowed into one field.
 * The header is just the first record: see {@link #readHeader()}.
 */
public final class CsvReader {
    private static final int END = -1;

    private final Reader in;
    private int pending = -2;
    private long line = 1;
    private long recordLine = 1;
    private final char[] buffer = new char[1 << 14];
    private int position;
    private int limit;

    /** Reads from {@code in}, which the caller closes; it need not be buffered. */
    public CsvReader(Reader in) {
        this.in = in;
    }

    /** The first record, with a leading byte-order mark removed from the first name; null for an empty input. */
    public List<String> readHeader() throws IOException {
        List<String> header = next();
        if (header != null && !header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        return header;
    }

    /** The next record's fields, or null at the end of the input. A blank line is a record of one empty field. */
    public List<String> next() throws IOException {
        int c = read();
        if (c == END) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        while (true) {
            if (quoted) {
                if (c == END) {
                    throw new CsvFormatException(recordLine, "a quoted field that starts on line " + recordLine
                            + " is never closed");
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = after;
                        continue;
                    }
                } else {
                    field.append((char) c);
                    countLine(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                c = read();
                continue;
            } else if (c == '\n' || c == '\r' || c == END) {
                if (c == '\r') {
                    int after = read();
                    if (after != '\n') {
                        unread(after);
                    }
                }
                if (c != END) {
                    line++;
                }
                fields.add(field.toString());
                return fields;
            } else if (c == '"' && fieldStart) {
                quoted = true;
            } else {
                field.append((char) c);
            }
            fieldStart = false;
            c = read();
        }
    }

    /** 1-based line on which the record last returned by {@link #next()} starts. */
    public long recordLine() {
        return recordLine;
    }

    private void countLine(int c) throws IOException {
        if (c == '\n') {
            line++;
        } else if (c == '\r') {
            int after = read();
            if (after != '\n') {
                line++;
            }
            unread(after);
        }
    }

    private int read() throws IOException {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        if (position == limit) {
            // Our own buffer: a BufferedReader takes a lock on every read() of one character.
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return END;
            }
        }
        return buffer[position++];
    }

    private void unread(int c) {
        pending = c;
    }
}
