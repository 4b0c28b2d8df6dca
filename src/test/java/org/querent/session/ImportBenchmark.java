package org.querent.session;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.Cancellation;
import org.querent.common.Hashes;
import org.querent.common.ProgressListener;
import org.querent.ingest.DatasetScanner;
import org.querent.ingest.ScanOptions;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.store.LabelDefinition;

/**
 * Issue 12, item 3: importing 1,000,000 rows of CSV and of JSONL (short texts) within a 1 GB heap, and re-scanning
 * an unchanged folder of 100,000 files. Every figure runs in a child JVM with {@code -Xmx1g}, next to bare baselines
 * in the same run and the same JVM settings: parsing alone (the real readers, nothing stored), and a bare loop of
 * read line, split, SHA-256 and batched JDBC inserts into the item table of a fresh project (same indexes, same
 * PRAGMAs), with the content index either kept up to date row by row or built once after the rows (as the import
 * does); for the re-scan, a bare directory walk that stats every file.
 * <pre>mvn -o test -Pbenchmark -Dtest=ImportBenchmark</pre>
 * {@code -Dimport.rows=N}, {@code -Dimport.files=N}, {@code -Dimport.passes=N} for smaller runs.
 */
@Tag("benchmark")
class ImportBenchmark {
    private static final int ROWS = Integer.getInteger("import.rows", 1_000_000);
    private static final int FILES = Integer.getInteger("import.files", 100_000);
    private static final int PASSES = Integer.getInteger("import.passes", 2);
    private static final String[] WORDS = ("the a parcel arrived late early broken fine great poor refund colour size "
            + "blue red works stopped after two days would buy again never support answered quickly slowly box "
            + "battery screen strap price cheap value").split(" ");

    @TempDir
    Path dir;

    @Test
    void importingAMillionRowsOfCsvAndJsonl() throws Exception {
        Path csv = Files.createDirectories(dir.resolve("csv"));
        Path jsonl = Files.createDirectories(dir.resolve("jsonl"));
        writeRows(csv.resolve("reviews.csv"), jsonl.resolve("reviews.jsonl"), ROWS);
        System.out.printf(Locale.ROOT, "%d rows: reviews.csv %.1f MB, reviews.jsonl %.1f MB; %s%n", ROWS,
                Files.size(csv.resolve("reviews.csv")) / 1e6, Files.size(jsonl.resolve("reviews.jsonl")) / 1e6, load());
        for (int pass = 1; pass <= PASSES; pass++) {
            for (Path data : List.of(csv, jsonl)) {
                String format = data.getFileName().toString();
                Map<String, String> parse = child("parse", data.toString());
                Map<String, String> bare = child("bare", data.toString(), dir.resolve("bare-" + pass + format + ".db").toString());
                Map<String, String> bareLate = child("bare-index-after", data.toString(),
                        dir.resolve("late-" + pass + format + ".db").toString());
                Map<String, String> imported = child("import", data.toString(),
                        dir.resolve("p" + pass + format + ".querent").toString());
                double rate = rate(imported);
                System.out.printf(Locale.ROOT, "pass %d %s: import %,.0f rows/s (%s rows, %.1f s, peak heap %s MB, "
                                + "resident %s MB, file %.0f MB); parse only %,.0f rows/s; bare read+hash+JDBC batch "
                                + "%,.0f rows/s, the same with the content index built after %,.0f rows/s; import/bare"
                                + " %.2f and %.2f, import/parse %.2f; %s%n",
                        pass, format, rate, imported.get("rows"), seconds(imported), imported.get("peakHeapMb"),
                        imported.get("residentMb"), Files.size(dir.resolve("p" + pass + format + ".querent")) / 1e6,
                        rate(parse), rate(bare), rate(bareLate), rate / rate(bare), rate / rate(bareLate),
                        rate / rate(parse), load());
            }
        }
    }

    @Test
    void reScanningAnUnchangedFolderOfAHundredThousandFiles() throws Exception {
        Path data = Files.createDirectories(dir.resolve("files"));
        Random random = new Random(7);
        for (int i = 0; i < FILES; i++) {
            Path folder = data.resolve(String.format("part-%03d", i % 100));
            if (i < 100) {
                Files.createDirectories(folder);
            }
            Files.writeString(folder.resolve(String.format("note-%06d.txt", i)), sentence(random, i));
        }
        Path project = dir.resolve("files.querent");
        Map<String, String> first = child("import", data.toString(), project.toString());
        System.out.printf(Locale.ROOT, "%,d files, first import: %,.0f files/s (%.1f s, peak heap %s MB); %s%n", FILES,
                rate(first), seconds(first), first.get("peakHeapMb"), load());
        for (int pass = 1; pass <= PASSES; pass++) {
            Map<String, String> walk = child("walk", data.toString());
            Map<String, String> again = child("reimport", data.toString(), project.toString());
            System.out.printf(Locale.ROOT, "pass %d: re-scan of %s unchanged files %.2f s (%s unchanged, %s new;"
                            + " peak heap %s MB); bare walk + stat %.2f s; re-scan/bare %.2f; %s%n", pass,
                    again.get("rows"), seconds(again), again.get("unchanged"), again.get("added"),
                    again.get("peakHeapMb"), seconds(walk), seconds(again) / seconds(walk), load());
        }
    }

    // ---- the parent's helpers -------------------------------------------------------------------------------

    private static void writeRows(Path csv, Path jsonl, int rows) throws IOException {
        Random random = new Random(12);
        try (BufferedWriter c = Files.newBufferedWriter(csv); BufferedWriter j = Files.newBufferedWriter(jsonl)) {
            c.write("id,text,stars\n");
            for (int i = 0; i < rows; i++) {
                String text = sentence(random, i);
                c.write(i + ",\"" + text.replace("\"", "\"\"") + "\"," + (1 + i % 5) + "\n");
                j.write("{\"id\": " + i + ", \"text\": \"" + text.replace("\"", "\\\"") + "\", \"stars\": " + (1 + i % 5)
                        + "}\n");
            }
        }
    }

    /** A short review-like text, about 60 characters; the number keeps most rows distinct, as real rows are. */
    private static String sentence(Random random, int i) {
        StringBuilder s = new StringBuilder("order ").append(i % 900_000);
        int words = 6 + random.nextInt(8);
        for (int w = 0; w < words; w++) {
            s.append(w == 2 ? ", " : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    private static Map<String, String> child(String mode, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), Child.class.getName(), mode));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError(mode + " failed: " + out);
        }
        Map<String, String> result = new HashMap<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("RESULT ")) {
                for (String pair : line.substring(7).trim().split(" ")) {
                    String[] kv = pair.split("=", 2);
                    result.put(kv[0], kv[1]);
                }
            }
        }
        if (!result.containsKey("nanos")) {
            throw new AssertionError(mode + " printed no result: " + out);
        }
        return result;
    }

    private static double rate(Map<String, String> result) {
        return Long.parseLong(result.get("rows")) / seconds(result);
    }

    private static double seconds(Map<String, String> result) {
        return Long.parseLong(result.get("nanos")) / 1e9;
    }

    private static String load() {
        return String.format(Locale.ROOT, "load %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** What runs in the child JVM: one measured step, then one RESULT line. */
    static final class Child {
        private static final AtomicLong PEAK = new AtomicLong();

        public static void main(String[] args) throws Exception {
            Thread sampler = new Thread(() -> {
                while (true) {
                    PEAK.accumulateAndGet(heapUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            Path data = Path.of(args[1]);
            long t0 = System.nanoTime();
            String extra = "";
            long rows;
            switch (args[0]) {
                case "parse" -> {
                    long[] n = new long[1];
                    new DatasetScanner().scan(data, ScanOptions.defaults(), item -> n[0]++);
                    rows = n[0];
                }
                case "bare" -> rows = bareInserts(data, Path.of(args[2]), false);
                case "bare-index-after" -> rows = bareInserts(data, Path.of(args[2]), true);
                case "walk" -> rows = walk(data);
                case "import", "reimport" -> {
                    Path file = Path.of(args[2]);
                    ProjectService projects = new ProjectService(Clock.systemUTC());
                    try (Project project = args[0].equals("import") ? projects.create(new NewProject(file, data,
                            "builtin:minilm", List.of(new LabelDefinition("good", "", null),
                            new LabelDefinition("bad", "", null)), false, null)) : projects.open(file)) {
                        t0 = System.nanoTime();
                        ImportService.Report report = new ImportService(project).run(false, ProgressListener.NONE,
                                Cancellation.none());
                        rows = report.added() + report.changed() + report.unchanged() + report.quarantinedNow();
                        extra = " added=" + report.added() + " unchanged=" + report.unchanged();
                    }
                }
                default -> throw new IllegalArgumentException(args[0]);
            }
            long nanos = System.nanoTime() - t0;
            PEAK.accumulateAndGet(heapUsed(), Math::max);
            System.out.println("RESULT rows=" + rows + " nanos=" + nanos + " peakHeapMb=" + (PEAK.get() >> 20)
                    + " residentMb=" + residentMb() + extra);
        }

        /** Read line, take the text, hash it, insert it: the least an import of a table must do. */
        private static long bareInserts(Path data, Path db, boolean indexAfter) throws Exception {
            Path file;
            try (var files = Files.list(data)) {
                file = files.findFirst().orElseThrow();
            }
            boolean jsonl = file.toString().endsWith(".jsonl");
            long rows = 0;
            // The project's own item table, indexes and PRAGMAs: a fresh project, then plain JDBC into it.
            new ProjectService(Clock.systemUTC()).create(new NewProject(db, data, "builtin:minilm",
                    List.of(new LabelDefinition("good", "", null), new LabelDefinition("bad", "", null)), false, null)).close();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                 BufferedReader in = Files.newBufferedReader(file)) {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA journal_mode=WAL");
                    st.execute("PRAGMA synchronous=NORMAL");
                    st.execute("PRAGMA cache_size=-65536");
                    if (indexAfter) {
                        st.execute("DROP INDEX item_content_hash");
                    }
                }
                c.setAutoCommit(false);
                String name = file.getFileName().toString();
                String now = java.time.Instant.now().toString();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO item (item_key, path, row_index, kind, source,"
                        + " size, file_size, modified_ms, content_hash, body, state, added_at, updated_at)"
                        + " VALUES (?,?,?,'TEXT','',?,0,0,?,?,'active',?,?)")) {
                    if (!jsonl) {
                        in.readLine(); // header
                    }
                    java.security.MessageDigest digest = Hashes.sha256();
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        int from = jsonl ? line.indexOf("\"text\": \"") + 9 : line.indexOf(",\"") + 2;
                        String text = line.substring(from, line.indexOf('"', from));
                        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                        ps.setString(1, name + "#" + rows);
                        ps.setString(2, name);
                        ps.setLong(3, rows);
                        ps.setLong(4, utf8.length);
                        ps.setString(5, Hashes.hex(digest.digest(utf8)));
                        ps.setString(6, text);
                        ps.setString(7, now);
                        ps.setString(8, now);
                        ps.addBatch();
                        if (++rows % 20_000 == 0) {
                            ps.executeBatch();
                            c.commit();
                        }
                    }
                    ps.executeBatch();
                    c.commit();
                }
                if (indexAfter) {
                    try (Statement st = c.createStatement()) {
                        st.execute("CREATE INDEX item_content_hash ON item (content_hash)");
                    }
                    c.commit();
                }
            }
            return rows;
        }

        /** Every file under the folder, its attributes read: what any re-scan must do at least. */
        private static long walk(Path data) throws IOException {
            long[] n = new long[2];
            Files.walkFileTree(data, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    BasicFileAttributes read = Files.readAttributes(file, BasicFileAttributes.class);
                    n[0]++;
                    n[1] += read.size() + read.lastModifiedTime().toMillis();
                    return FileVisitResult.CONTINUE;
                }
            });
            return n[0];
        }

        private static long heapUsed() {
            long used = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    used += pool.getUsage().getUsed();
                }
            }
            return used;
        }

        private static long residentMb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return -1;
            }
            return -1;
        }
    }
}
