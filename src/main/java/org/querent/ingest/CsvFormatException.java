package org.querent.ingest;

import java.io.IOException;

/** A CSV file that breaks RFC 4180 in a way that cannot be read past, with the line where the record began. */
public final class CsvFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long line;

    public CsvFormatException(long line, String message) {
        super(message);
        this.line = line;
    }

    /** 1-based line where the broken record starts. */
    public long line() {
        return line;
    }
}
