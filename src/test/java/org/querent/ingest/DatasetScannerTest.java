package org.querent.ingest;

import org.querent.common.ItemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.Cancellation;
import org.querent.common.ErrorKind;
import org.querent.common.Hashes;
import org.querent.common.ProgressListener;
import org.querent.common.QuerentException;

class DatasetScannerTest {

    @TempDir
    Path root;

    private final DatasetScanner scanner = new DatasetScanner();

    /** Records everything a scan reports, and keeps the stamps a caller would store for the next scan. */
    private static final class RecordingSink implements ScanSink {
        final Map<String, ScannedItem> items = new LinkedHashMap<>();
        final Map<String, ItemChange> changes = new HashMap<>();
        final List<String> unchanged = new ArrayList<>();
        final Map<String, KnownFile> stamps = new HashMap<>();

        @Override
        public void item(ScannedItem item, ItemChange change) {
            items.put(item.key(), item);
            changes.put(item.key(), change);
        }

        @Override
        public void unchanged(String path, KnownFile stamp) {
            unchanged.add(path);
        }

        @Override
        public void fileRead(String path, KnownFile stamp) {
            stamps.put(path, stamp);
        }

        /** The known map of the next scan: every delivered key with its file's stamp. */
        Map<String, KnownFile> known() {
            Map<String, KnownFile> known = new HashMap<>();
            items.values().forEach(item -> known.put(item.key(), stamps.get(item.path())));
            return known;
        }

        ScannedItem get(String key) {
            ScannedItem item = items.get(key);
            assertNotNull(item, () -> key + " not delivered; got " + items.keySet());
            return item;
        }
    }

    @BeforeEach
    void writeDataset() {
        TestFiles.write(root, "cats/good.png", TestFiles.image("png", 64, 48, 1));
        TestFiles.write(root, "cats/photo.jpg", TestFiles.image("jpg", 64, 48, 2));
        TestFiles.write(root, "dogs/zero.png", new byte[0]);
        TestFiles.write(root, "dogs/half.png", TestFiles.firstHalf(TestFiles.image("png", 64, 48, 3)));
        TestFiles.write(root, "dogs/noise.jpg", TestFiles.randomBytes(5000, 4));
        TestFiles.write(root, "notes/binary.txt", new byte[] {'M', 'Z', 0, 0, 1, 2, 'x', 0, 'y'});
        TestFiles.write(root, "notes/latin1.txt", "Grüße aus Köln, café crème\r\n", Charset.forName("ISO-8859-1"));
        TestFiles.write(root, "notes/empty.txt", "  \n\t\n");
        TestFiles.write(root, "notes/deep/er/note.md", "\uFEFF# Title\r\nbody\r\n");
        TestFiles.write(root, "table.csv", "id,Text,label\r\n"
                + "1,\"Hello, world\",greeting\r\n"
                + "2,\"first line\r\nsecond, line with \"\"quotes\"\"\",multi\r\n"
                + "3,   ,blank\r\n");
        TestFiles.write(root, "data.jsonl", "{\"text\": \"first\"}\n{\"text\": \"second\"}\n{bad json\n\n"
                + "{\"text\": \"fourth\", \"label\": \"x\"}\n");
        TestFiles.write(root, "readme.pdf", "%PDF-1.4");
        TestFiles.write(root, "Makefile", "all:");
        TestFiles.write(root, ".hidden/secret.txt", "not for scanning");
        TestFiles.write(root, "cats/.DS_Store", "junk");
    }

    private RecordingSink scan(ScanOptions options) {
        RecordingSink sink = new RecordingSink();
        scanner.scan(root, options, Map.of(), sink, ProgressListener.NONE, Cancellation.none());
        return sink;
    }

    @Test
    void goodImagesAreItemsWithFolderLabelAndHash() throws IOException {
        RecordingSink sink = scan(ScanOptions.defaults());
        ScannedItem png = sink.get("cats/good.png");
        assertNull(png.quarantineReason());
        assertEquals(ItemKind.IMAGE, png.kind());
        assertEquals("cats", png.source());
        assertEquals("cats", png.folderLabel());
        assertEquals(-1, png.row());
        assertEquals(Hashes.sha256Hex(Files.readAllBytes(root.resolve("cats/good.png"))), png.contentHash());
        assertNull(png.text());
        assertNull(sink.get("cats/photo.jpg").quarantineReason());
    }

    @Test
    void badFilesAreQuarantinedWithReasons() {
        RecordingSink sink = scan(ScanOptions.defaults());
        assertEquals("empty file", sink.get("dogs/zero.png").quarantineReason());
        assertTrue(sink.get("dogs/half.png").quarantineReason().startsWith("image could not be decoded"),
                sink.get("dogs/half.png").quarantineReason());
        assertTrue(sink.get("dogs/noise.jpg").quarantineReason().startsWith("image could not be decoded"));
        assertEquals("binary file, not text", sink.get("notes/binary.txt").quarantineReason());
        assertEquals("empty text", sink.get("notes/empty.txt").quarantineReason());
    }

    @Test
    void legacyTextIsImportedAndTextIsNormalised() {
        RecordingSink sink = scan(ScanOptions.defaults());
        assertEquals("Grüße aus Köln, café crème\n", sink.get("notes/latin1.txt").text());
        ScannedItem note = sink.get("notes/deep/er/note.md");
        assertEquals("# Title\nbody\n", note.text());
        assertEquals("notes/deep/er", note.source());
        assertEquals("notes", note.folderLabel());
    }

    @Test
    void csvRowsComeFromTheTextColumnWithQuotedCommasAndLineBreaks() {
        RecordingSink sink = scan(ScanOptions.defaults());
        ScannedItem first = sink.get("table.csv#0");
        assertEquals("Hello, world", first.text());
        assertEquals(0, first.row());
        assertEquals("", first.source());
        assertNull(first.folderLabel());
        assertEquals(Hashes.sha256Hex("Hello, world".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                first.contentHash());
        assertEquals("first line\nsecond, line with \"quotes\"", sink.get("table.csv#1").text());
        assertEquals("empty text (line 5)", sink.get("table.csv#2").quarantineReason());
    }

    @Test
    void badJsonLineIsQuarantinedAloneWithItsLineNumber() {
        RecordingSink sink = scan(ScanOptions.defaults());
        assertEquals("first", sink.get("data.jsonl#0").text());
        assertEquals("second", sink.get("data.jsonl#1").text());
        assertTrue(sink.get("data.jsonl#2").quarantineReason().startsWith("line 3 is not valid JSON"),
                sink.get("data.jsonl#2").quarantineReason());
        assertEquals("fourth", sink.get("data.jsonl#3").text());
    }

    @Test
    void resultCountsKindsQuarantineAndUnsupportedFiles() {
        ScanResult result = scanner.scan(root, ScanOptions.defaults(), item -> { });
        assertEquals(2, result.readableCount(ItemKind.IMAGE));
        assertEquals(2 + 2 + 3, result.readableCount(ItemKind.TEXT)); // 2 notes, 2 csv rows, 3 jsonl rows
        assertEquals(7, result.quarantinedCount());
        assertEquals(Map.of("pdf", 1, "", 1), result.unsupported());
        assertEquals(11, result.filesRead());
        assertTrue(result.quarantined().contains(new QuarantinedItem("dogs/zero.png", "empty file")));
    }

    @Test
    void hiddenFilesAndFoldersAreSkipped() {
        RecordingSink sink = scan(ScanOptions.defaults());
        assertTrue(sink.items.keySet().stream().noneMatch(key -> key.contains(".hidden") || key.contains(".DS")));
    }

    @Test
    void orderIsSortedAndTheSameEveryTime() {
        List<String> first = new ArrayList<>(scan(ScanOptions.defaults()).items.keySet());
        assertEquals(List.of("cats/good.png", "cats/photo.jpg", "data.jsonl#0", "data.jsonl#1", "data.jsonl#2",
                "data.jsonl#3", "dogs/half.png", "dogs/noise.jpg", "dogs/zero.png", "notes/binary.txt",
                "notes/deep/er/note.md", "notes/empty.txt", "notes/latin1.txt", "table.csv#0", "table.csv#1",
                "table.csv#2"), first);
        assertEquals(first, new ArrayList<>(scan(ScanOptions.defaults()).items.keySet()));
    }

    @Test
    void identicalContentHasTheSameHash() {
        byte[] image = TestFiles.image("png", 20, 20, 9);
        TestFiles.write(root, "a/one.png", image);
        TestFiles.write(root, "b/copy.png", image);
        RecordingSink sink = scan(ScanOptions.defaults());
        assertEquals(sink.get("a/one.png").contentHash(), sink.get("b/copy.png").contentHash());
    }

    @Test
    void rescanReportsUnchangedFilesWithoutReadingThem() throws IOException {
        RecordingSink first = scan(ScanOptions.defaults());
        // Same size and time but other bytes: only a scanner that skips the read reports this file unchanged.
        Path png = root.resolve("cats/good.png");
        FileTime time = Files.getLastModifiedTime(png);
        byte[] bytes = Files.readAllBytes(png);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(png, bytes);
        Files.setLastModifiedTime(png, time);

        RecordingSink second = new RecordingSink();
        ScanResult result = scanner.scan(root, ScanOptions.defaults(), first.known(), second, ProgressListener.NONE,
                Cancellation.none());
        assertEquals(Map.of(), second.items);
        assertEquals(11, result.unchangedFiles());
        assertEquals(0, result.filesRead());
        assertTrue(second.unchanged.contains("cats/good.png"));
        assertTrue(second.unchanged.contains("table.csv"));
        assertEquals(List.of(), result.removed());
    }

    @Test
    void rescanTellsNewChangedAndRemoved() throws IOException {
        RecordingSink first = scan(ScanOptions.defaults());
        Files.delete(root.resolve("cats/photo.jpg"));
        TestFiles.write(root, "cats/new.png", TestFiles.image("png", 8, 8, 5));
        TestFiles.write(root, "table.csv", "text\nonly one row now\n");
        Files.setLastModifiedTime(root.resolve("table.csv"), FileTime.fromMillis(1_000));

        RecordingSink second = new RecordingSink();
        ScanResult result = scanner.scan(root, ScanOptions.defaults(), first.known(), second, ProgressListener.NONE,
                Cancellation.none());
        assertEquals(ItemChange.NEW, second.changes.get("cats/new.png"));
        assertEquals(ItemChange.CHANGED, second.changes.get("table.csv#0"));
        assertEquals("only one row now", second.get("table.csv#0").text());
        assertEquals(List.of("cats/photo.jpg", "table.csv#1", "table.csv#2"), result.removed());
        assertEquals(2, result.filesRead());
    }

    @Test
    void tableStampMayBeKeyedByTheFilePath() {
        RecordingSink first = scan(ScanOptions.defaults());
        Map<String, KnownFile> known = Map.of("table.csv", first.stamps.get("table.csv"));
        RecordingSink second = new RecordingSink();
        scanner.scan(root, ScanOptions.defaults(), known, second, ProgressListener.NONE, Cancellation.none());
        assertEquals(List.of("table.csv"), second.unchanged);
        assertTrue(second.items.keySet().stream().noneMatch(key -> key.startsWith("table.csv")));
    }

    @Test
    void csvWithoutANamedTextColumnUsesTheFirstLongTextColumn() {
        TestFiles.write(root, "reviews/r.csv", "id,review,stars\n"
                + "a1,This product broke after two days of use,1\n"
                + "a2,Works as described and arrived on time,5\n");
        RecordingSink sink = scan(ScanOptions.defaults());
        assertEquals("Works as described and arrived on time", sink.get("reviews/r.csv#1").text());
        assertEquals("reviews", sink.get("reviews/r.csv#1").folderLabel());
    }

    @Test
    void csvWithNoTextColumnIsQuarantinedNamingItsColumns() {
        TestFiles.write(root, "nums.csv", "id,label,score\n1,a,0.5\n2,b,0.7\n");
        RecordingSink sink = scan(ScanOptions.defaults());
        String reason = sink.get("nums.csv").quarantineReason();
        assertTrue(reason.startsWith("no text column") && reason.contains("id, label, score"), reason);
    }

    @Test
    void aCsvRowWithMoreFieldsThanTheHeaderIsQuarantinedWithItsLine() {
        TestFiles.write(root, "notes.csv", "id,text\n1,A sentence that is fine\n2,A sentence, split by a comma\n");
        RecordingSink sink = scan(ScanOptions.defaults());
        assertEquals("A sentence that is fine", sink.get("notes.csv#0").text());
        String reason = sink.get("notes.csv#1").quarantineReason();
        assertTrue(reason.contains("line 3 has 3 fields, the header has 2"), reason);
    }

    @Test
    void aQuoteLeftOpenDeepInALargeCsvKeepsTheRowsBeforeItAndSaysWhere() {
        StringBuilder csv = new StringBuilder("id,text\n");
        for (int i = 0; i < 1_500; i++) {
            csv.append(i).append(",row ").append(i).append('\n');
        }
        csv.append("1500,\"this quote is never closed\n1501,lost in the quote\n");
        TestFiles.write(root, "big.csv", csv.toString());
        RecordingSink sink = scan(ScanOptions.defaults());
        assertEquals("row 1499", sink.get("big.csv#1499").text());
        String reason = sink.get("big.csv#1500").quarantineReason();
        assertTrue(reason.contains("line 1502") && reason.contains("never closed") && reason.contains("close the quote"),
                reason);
    }

    @Test
    void aLegacyEncodedCsvIsDecodedWholeAsATextFileIs() throws IOException {
        Files.write(root.resolve("legacy.csv"), "id,text\n1,café crème\n".getBytes(java.nio.charset.Charset.forName("windows-1252")));
        RecordingSink sink = scan(ScanOptions.defaults());
        assertEquals("café crème", sink.get("legacy.csv#0").text());
    }

    @Test
    void aHeaderOnlyCsvIsReportedNotSilentlyEmpty() {
        TestFiles.write(root, "empty.csv", "id,text\n");
        RecordingSink sink = scan(ScanOptions.defaults());
        String reason = sink.get("empty.csv").quarantineReason();
        assertTrue(reason.contains("header row but no data rows"), reason);
    }

    @Test
    void textColumnAndFieldOptionsChooseWhereTextIs() {
        TestFiles.write(root, "nums.csv", "id,label,score\n1,a,0.5\n");
        TestFiles.write(root, "posts.jsonl", "{\"body\": \"hello\"}\n{\"text\": \"no body\"}\n");
        RecordingSink sink = scan(ScanOptions.defaults().withTextColumn("LABEL").withTextField("body"));
        assertEquals("a", sink.get("nums.csv#0").text());
        assertEquals("hello", sink.get("posts.jsonl#0").text());
        assertTrue(sink.get("posts.jsonl#1").quarantineReason().startsWith("line 2 has no \"body\" field"));
        assertEquals("greeting", sink.get("table.csv#0").text());
    }

    @Test
    void namedTextColumnThatDoesNotExistQuarantinesTheFileNamingItsColumns() {
        RecordingSink sink = scan(ScanOptions.defaults().withTextColumn("review"));
        assertEquals("no column named \"review\"; columns found: id, Text, label. Change the text column option.",
                sink.get("table.csv").quarantineReason());
    }

    @Test
    void imagesOverThePixelLimitAreQuarantinedBeforeDecoding() {
        RecordingSink sink = scan(ScanOptions.defaults().withMaxPixels(1_000));
        assertEquals("image is too large: 64×48 pixels (limit 1000 pixels); shrink it or raise the limit",
                sink.get("cats/good.png").quarantineReason());
    }

    @Test
    void textOverTheSizeLimitIsQuarantinedNotTruncated() {
        TestFiles.write(root, "long.txt", "word ".repeat(400));
        RecordingSink sink = scan(ScanOptions.defaults().withMaxTextBytes(1_000));
        assertTrue(sink.get("long.txt").quarantineReason().startsWith("text is too long (2.0 KB, limit 1000 bytes)"));
        assertNotNull(sink.get("long.txt").contentHash());
    }

    @Test
    void symbolicLinkLoopsAreNotFollowed() throws IOException {
        Files.createSymbolicLink(root.resolve("cats/loop"), root);
        RecordingSink sink = scan(ScanOptions.defaults());
        assertTrue(sink.items.keySet().stream().noneMatch(key -> key.startsWith("cats/loop")));
    }

    @Test
    void cancellingStopsTheScan() {
        Cancellation cancel = new Cancellation();
        ProgressListener cancelAfterFirst = (done, total, message) -> {
            if (done == 1) {
                cancel.cancel();
            }
        };
        RecordingSink sink = new RecordingSink();
        QuerentException e = assertThrows(QuerentException.class, () -> scanner.scan(root, ScanOptions.defaults(),
                Map.of(), sink, cancelAfterFirst, cancel));
        assertEquals(ErrorKind.CANCELLED, e.kind());
        assertEquals(1, sink.items.size());
    }

    @Test
    void missingRootIsANotFoundError() {
        QuerentException e = assertThrows(QuerentException.class,
                () -> scanner.scan(root.resolve("nope"), ScanOptions.defaults(), item -> { }));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
    }

    @Test
    void shortRowsNonStringFieldsAndHugeTablesAreQuarantined() {
        TestFiles.write(root, "short.csv", "id,text\n1,fine text\n2\n");
        TestFiles.write(root, "typed.jsonl", "{\"text\": 42}\n");
        TestFiles.write(root, "huge.jsonl", "{\"text\": \"" + "x".repeat(3000) + "\"}\n");
        RecordingSink sink = scan(ScanOptions.defaults().withMaxTableBytes(2_000));
        assertEquals("fine text", sink.get("short.csv#0").text());
        assertEquals("row on line 3 has 1 fields, the header has 2", sink.get("short.csv#1").quarantineReason());
        assertEquals("line 1: field \"text\" is number, not a string", sink.get("typed.jsonl#0").quarantineReason());
        assertTrue(sink.get("huge.jsonl").quarantineReason().startsWith("table file is too large (2.9 KB"));
    }

    @Test
    void brokenLinkWithADatasetExtensionIsQuarantined() throws IOException {
        Files.createSymbolicLink(root.resolve("gone.png"), root.resolve("nowhere.png"));
        RecordingSink sink = scan(ScanOptions.defaults());
        assertEquals("file could not be read: it does not exist (a broken link?)",
                sink.get("gone.png").quarantineReason());
    }
}
