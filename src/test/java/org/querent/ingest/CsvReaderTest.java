package org.querent.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<List<String>> readAll(String csv) throws IOException {
        CsvReader reader = new CsvReader(new StringReader(csv));
        List<List<String>> records = new ArrayList<>();
        for (List<String> r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }

    @Test
    void splitsPlainFieldsOnCommas() throws IOException {
        assertEquals(List.of(List.of("a", "b", "c"), List.of("1", "", "3")), readAll("a,b,c\n1,,3\n"));
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() throws IOException {
        String csv = "id,text\r\n1,\"Hello, world\"\r\n2,\"She said \"\"hi\"\"\"\r\n3,\"two\r\nlines\"\r\n";
        assertEquals(List.of(List.of("id", "text"), List.of("1", "Hello, world"), List.of("2", "She said \"hi\""),
                List.of("3", "two\r\nlines")), readAll(csv));
    }

    @Test
    void lastRecordNeedsNoLineBreakAndEmptyQuotedFieldIsEmpty() throws IOException {
        assertEquals(List.of(List.of("a", ""), List.of("x", "y")), readAll("a,\"\"\nx,y"));
    }

    @Test
    void reportsTheLineEachRecordStartsOn() throws IOException {
        CsvReader reader = new CsvReader(new StringReader("h\n\"a\nb\nc\"\nnext\n"));
        reader.readHeader();
        reader.next();
        assertEquals(2, reader.recordLine());
        assertEquals(List.of("next"), reader.next());
        assertEquals(5, reader.recordLine());
        assertNull(reader.next());
    }

    @Test
    void headerLosesItsByteOrderMark() throws IOException {
        assertEquals(List.of("text", "label"), new CsvReader(new StringReader("\uFEFFtext,label\n")).readHeader());
    }

    @Test
    void strayQuotesInsideUnquotedFieldsAreKept() throws IOException {
        assertEquals(List.of(List.of("5\" tall", "x\"y\"")), readAll("5\" tall,x\"y\"\n"));
    }

    @Test
    void unclosedQuoteIsAnErrorNamingItsLine() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> readAll("h\nok\n\"never closed\nmore\n"));
        assertEquals(3, e.line());
    }

    @Test
    void emptyInputHasNoHeader() throws IOException {
        assertNull(new CsvReader(new StringReader("")).readHeader());
    }
}
