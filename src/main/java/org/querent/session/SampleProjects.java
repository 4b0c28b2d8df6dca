package org.querent.session;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.querent.common.Cancellation;
import org.querent.common.ErrorKind;
import org.querent.common.ProgressListener;
import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.store.LabelDefinition;

/**
 * The bundled sample project (300 emails, 6 mailing lists): copied to a writable folder and made into a
 * project the first time, reopened afterwards.
 */
public final class SampleProjects {
    public static final String EMAILS = "emails";

    private SampleProjects() {
    }

    /** Where the read-only samples ship: -Dquerent.samples, beside the jar, or ./sample-projects. */
    public static Path locate() {
        String property = System.getProperty("querent.samples");
        if (property != null) {
            return Path.of(property);
        }
        List<Path> candidates = new ArrayList<>();
        try {
            Path jar = Path.of(SampleProjects.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path folder = Files.isDirectory(jar) ? jar : jar.getParent();
            candidates.add(folder.resolve("sample-projects"));
            candidates.add(folder.getParent().resolve("sample-projects"));
            if (folder.getParent().getParent() != null) {
                candidates.add(folder.getParent().getParent().resolve("sample-projects"));
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // fall through to the working folder
        }
        candidates.add(Path.of("sample-projects"));
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate.resolve(EMAILS))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new QuerentException(ErrorKind.NOT_FOUND, "the sample projects are not installed (looked in "
                + candidates + "): reinstall Querent or start it from its folder");
    }

    /**
     * Returns the sample project file under {@code workspace}, creating it (copy, init, import) when it
     * does not exist yet. Scoring is left to the caller, which shows its progress.
     */
    public static Path prepareEmails(Path workspace, ProgressListener progress) {
        Path folder = workspace.resolve(EMAILS);
        Path file = folder.resolve("emails.querent");
        if (Files.exists(file)) {
            return file;
        }
        Path source = locate().resolve(EMAILS);
        try {
            copyTree(source.resolve("data"), folder.resolve("data"));
            Files.copy(source.resolve("guideline.md"), folder.resolve("guideline.md"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            List<LabelDefinition> labels = new ArrayList<>();
            char key = '1';
            for (String line : Files.readAllLines(source.resolve("labels.txt"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                labels.add(new LabelDefinition(eq < 0 ? line.strip() : line.substring(0, eq).strip(),
                        eq < 0 ? "" : line.substring(eq + 1).strip(), String.valueOf(key++)));
            }
            Path partial = folder.resolve("emails.querent.partial");
            Files.deleteIfExists(partial);
            try (Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(partial,
                    folder.resolve("data"), "builtin:minilm", labels, false, folder.resolve("guideline.md")))) {
                new ImportService(project).run(false, progress, Cancellation.none());
            }
            Files.move(partial, file); // only a complete project gets the real name
            return file;
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.STORAGE, "cannot set up the sample project in " + folder + ": "
                    + e.getMessage() + " (check that the folder is writable and the disk has space)", e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target)) {
                    Files.copy(p, target);
                }
            }
        }
    }
}
