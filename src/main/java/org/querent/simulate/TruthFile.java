package org.querent.simulate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.querent.common.QuerentException;

/** Reads a ground-truth file: a header line, then "path,label" per line (paths relative to the dataset). */
public final class TruthFile {
    private TruthFile() {
    }

    public static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw QuerentException.notFound("cannot read the truth file " + file + ": " + e.getMessage());
        }
        Map<String, String> truth = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            if (comma <= 0 || comma == line.length() - 1) {
                throw QuerentException.usage("line " + (i + 1) + " of " + file + " is not 'path,label': " + line);
            }
            truth.put(line.substring(0, comma).replace('\\', '/'), line.substring(comma + 1));
        }
        return truth;
    }
}
