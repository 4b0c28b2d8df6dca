package org.querent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Real sample data from sample-projects/, copied into a test's temporary folder. */
public final class TestData {
    public static final Path EMAILS = Path.of("sample-projects", "emails");

    private TestData() {
    }

    /** The ground truth of the email sample: file name to mailing list, in file order. */
    public static Map<String, String> emailTruth() {
        try {
            Map<String, String> truth = new LinkedHashMap<>();
            List<String> lines = Files.readAllLines(EMAILS.resolve("ground-truth.csv"));
            for (String line : lines.subList(1, lines.size())) {
                int comma = line.lastIndexOf(',');
                truth.put(line.substring(0, comma), line.substring(comma + 1));
            }
            return truth;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies {@code perClass} emails of every list into {@code target} (flat); returns file name to truth. */
    public static Map<String, String> copyEmails(Path target, int perClass) {
        Map<String, Integer> taken = new LinkedHashMap<>();
        Map<String, String> copied = new LinkedHashMap<>();
        try {
            Files.createDirectories(target);
            for (Map.Entry<String, String> e : emailTruth().entrySet()) {
                if (taken.merge(e.getValue(), 1, Integer::sum) <= perClass) {
                    Files.copy(EMAILS.resolve("data").resolve(e.getKey()), target.resolve(e.getKey()));
                    copied.put(e.getKey(), e.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copied;
    }

    public static List<String> emailLabels() {
        return new ArrayList<>(new java.util.TreeSet<>(emailTruth().values()));
    }
}
