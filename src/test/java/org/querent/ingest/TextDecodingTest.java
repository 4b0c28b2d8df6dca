package org.querent.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextDecodingTest {

    @Test
    void validUtf8IsKeptAsIs() {
        assertEquals("naïve café ✓", TextDecoding.decode("naïve café ✓".getBytes(StandardCharsets.UTF_8)).text());
    }

    @Test
    void latin1EmailIsImportedAsWindows1252() {
        byte[] bytes = "Grüße aus Köln – “quoted”".getBytes(Charset.forName("windows-1252"));
        assertEquals("Grüße aus Köln – “quoted”", TextDecoding.decode(bytes).text());
    }

    @Test
    void mostlyUtf8WithAStrayByteKeepsTheUtf8AndMarksTheByte() {
        byte[] good = "café, naïve, déjà vu ".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 1];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = (byte) 0xE9;
        assertEquals("café, naïve, déjà vu \uFFFD", TextDecoding.decode(bytes).text());
    }

    @Test
    void cyrillicCodePageIsNotGuessed() {
        byte[] bytes = "Привет, как дела у тебя сегодня".getBytes(Charset.forName("windows-1251"));
        TextDecoding.Decoded decoded = TextDecoding.decode(bytes);
        assertNull(decoded.text());
        assertTrue(decoded.problem().contains("convert it to UTF-8"), decoded.problem());
    }

    @Test
    void nulBytesMeanBinary() {
        assertEquals("binary file, not text", TextDecoding.decode(new byte[] {'a', 0, 'b'}).problem());
    }

    @Test
    void utf16WithByteOrderMarkIsDecoded() {
        assertEquals("hello", TextDecoding.decode("\uFEFFhello".getBytes(StandardCharsets.UTF_16LE)).text());
    }

    @Test
    void byteOrderMarkIsDroppedAndLineEndsBecomeLf() {
        byte[] bytes = "\uFEFFone\r\ntwo\rthree\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("one\ntwo\nthree\n", TextDecoding.decode(bytes).text());
    }

    @Test
    void fewControlCharactersAreTextManyAreBinary() {
        assertNull(TextChecks.problem("Subject: hi\u0011 there, a normal e-mail body with \u0008 one odd char", 1000));
        assertEquals("binary file, not text", TextChecks.problem("\u0001\u0002\u0003\u0004abc", 1000));
    }

    @Test
    void whitespaceOnlyIsEmptyText() {
        assertEquals("empty text", TextChecks.problem(" \n\t\u00A0 ", 1000));
    }
}
