package org.querent.team;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.store.AuditRepository;

/**
 * Writes the audit trail as CSV: one row per decision event and taxonomy version (see {@link AuditRepository}
 * for the columns). Written beside the target and moved in place, so a failed export leaves no half file.
 */
public final class AuditTrail {
    private final Project project;

    public AuditTrail(Project project) {
        this.project = project;
    }

    /** Returns the number of event rows written. */
    public int write(Path out) {
        List<Map<String, Object>> events = new AuditRepository(project.database()).events();
        Path target = out.toAbsolutePath();
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                w.write(String.join(",", AuditRepository.COLUMNS));
                w.write('\n');
                for (Map<String, Object> row : events) {
                    StringBuilder line = new StringBuilder();
                    for (String column : AuditRepository.COLUMNS) {
                        if (line.length() > 0) {
                            line.append(',');
                        }
                        Object value = row.get(column);
                        line.append(field(value == null ? "" : value.toString()));
                    }
                    w.write(line.toString());
                    w.write('\n');
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.STORAGE, "cannot write " + target + ": " + e.getMessage()
                    + " (check the folder exists, is writable and the disk has space)", e);
        }
        return events.size();
    }

    private static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
