package org.querent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People, taxonomy changes and escalation through the command line, on a copy of the committed version-1
 * project (upgraded by the first command). Items 1-5 are ham*.txt, 6-10 spam*.txt.
 */
class TeamCliTest {
    static final Path FIXTURE = Path.of("src/test/resources/org/querent/store/v1");

    @TempDir
    Path dir;
    String project;

    @BeforeEach
    void copyFixture() throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURE)) {
            for (Path from : files.toList()) {
                Path to = dir.resolve(FIXTURE.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        project = dir.resolve("v1.querent").toString();
    }

    private static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.code(), run.toString());
        return run;
    }

    /** A refused command: exit 2, one error line containing {@code says}. */
    private static void refused(String says, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(2, run.code(), run.toString());
        assertEquals(1, run.err().lines().count(), run.toString());
        assertTrue(run.err().startsWith("error: ") && run.err().contains(says), run.toString());
    }

    private List<String> queuedPaths() {
        CliRun run = ok("queue", project, "--size", "20");
        return run.out().lines().skip(1).map(l -> l.split("\t")[1]).toList();
    }

    private String export() {
        Path out = dir.resolve("labels.csv");
        ok("export", project, "--format", "csv", "--out", out.toString());
        try {
            return Files.readString(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void makeTeam() {
        ok("people", project, "add", "lena", "--role", "lead", "--annotator", "lena");
        ok("people", project, "add", "ana", "--role", "annotator", "--annotator", "lena");
        ok("people", project, "add", "rita", "--role", "reviewer", "--annotator", "lena");
    }

    @Test
    void peopleAreAddedByTheLeadAndListedWithTheirRoles() {
        CliRun oldFile = CliRun.of("people", project, "list");
        assertEquals(1, oldFile.code(), "a reader does not upgrade a version-1 file: " + oldFile);
        assertTrue(oldFile.err().contains("open it once with a command that writes"), oldFile.toString());
        refused("must be its lead", "people", project, "add", "ana", "--role", "annotator");
        assertTrue(ok("people", project, "list").out().contains("no people yet"));
        makeTeam();
        refused("only a lead may add people", "people", project, "add", "zed", "--role", "annotator", "--annotator", "ana");
        refused("unknown role", "people", project, "add", "zed", "--role", "boss", "--annotator", "lena");
        String list = ok("people", project, "list").out();
        assertTrue(list.contains("ana\tannotator"), list);
        assertTrue(list.contains("lena\tlead"), list);
        assertTrue(list.contains("rita\treviewer"), list);
        assertFalse(list.contains("zed"), list);
    }

    @Test
    void labelRespectsTheAnnotatorsRole() {
        makeTeam();
        refused("not one of this project's people", "label", project, "9", "spam", "--annotator", "zed");
        ok("label", project, "9", "spam", "--annotator", "ana");
    }

    @Test
    void aRenameShowsUnderTheNewNameInStatusAndTheHistory() {
        makeTeam();
        refused("only a lead may change the taxonomy", "taxonomy", project, "rename", "spam", "junk", "--reason", "x",
                "--annotator", "ana");
        CliRun missingReason = CliRun.of("taxonomy", project, "rename", "spam", "junk", "--annotator", "lena");
        assertEquals(2, missingReason.code(), missingReason.toString());
        assertTrue(ok("taxonomy", project, "rename", "spam", "junk", "--reason", "the team says junk", "--annotator", "lena")
                .out().contains("taxonomy version 2: renamed spam to junk"));
        String status = ok("status", project).out();
        assertTrue(status.contains("junk                     3"), status);
        assertFalse(status.contains("spam "), status);
        String history = ok("taxonomy", project, "history").out();
        assertTrue(history.contains("2\trename from=spam to=junk\tlena\t"), history);
        assertTrue(history.contains("the team says junk\tspam->junk\tham,junk"), history);
        String export = export();
        assertTrue(export.contains(",junk,"), export);
        assertTrue(export.lines().skip(1).noneMatch(l -> l.split(",")[2].equals("spam")), "labels read as junk: " + export);
        assertTrue(export.contains("corrected,spam"), "the pre-label shown stays as it was: " + export);
    }

    @Test
    void retiringALabelPutsItsItemsBackInTheQueueAndAddedLabelsCanBeUsed() {
        makeTeam();
        List<String> before = queuedPaths();
        assertFalse(before.contains("ham1.txt"), before.toString());
        ok("taxonomy", project, "add", "phishing", "--key", "P", "--description", "asks for credentials",
                "--reason", "own risk", "--annotator", "lena");
        CliRun retired = ok("taxonomy", project, "retire", "ham", "--reason", "only unwanted mail", "--annotator", "lena");
        assertTrue(retired.out().contains("3 item(s) back in the queue"), retired.out());
        List<String> after = queuedPaths();
        assertTrue(after.containsAll(List.of("ham1.txt", "ham3.txt", "ham4.txt")), after.toString());
        refused("unknown label 'ham'", "label", project, "1", "ham", "--annotator", "ana");
        ok("label", project, "1", "phishing", "--annotator", "ana");
        refused("at least two labels", "taxonomy", project, "merge", "phishing", "spam", "--reason", "too few",
                "--annotator", "lena");
        ok("taxonomy", project, "add", "newsletter", "--reason", "bulk but wanted", "--annotator", "lena");
        ok("taxonomy", project, "merge", "phishing", "spam", "--reason", "too few", "--annotator", "lena");
        String status = ok("status", project).out();
        assertTrue(status.contains("spam                     4"), status);
    }

    @Test
    void reviewersWorkTheirQueueAndTheGateDecidesWhatTrainLearns() {
        makeTeam();
        String queue = ok("review", project, "--annotator", "rita").out();
        assertEquals(7, queue.lines().count(), "header and the 6 current labels: " + queue);
        assertTrue(ok("review", project, "--annotator", "rita", "--corrected").out().contains("4\tham4.txt\tham\tana"));
        refused("only a reviewer or lead", "review", project, "--annotator", "ana");
        String status = ok("status", project).out();
        assertTrue(status.contains("review    6 label(s) wait for review; train on approved labels only"), status);

        ok("review", project, "approve", "6", "--annotator", "rita");
        ok("review", project, "approve", "1", "--annotator", "rita");
        ok("review", project, "change", "4", "spam", "--reason", "sells pills", "--annotator", "rita");
        assertTrue(ok("review", project, "reject", "ham3.txt", "--reason", "look again", "--annotator", "rita").out()
                .contains("back in the queue"));
        refused("already reviewed", "review", project, "approve", "6", "--annotator", "lena");
        assertTrue(ok("status", project).out().contains("review    2 label(s) wait for review"));
        assertTrue(queuedPaths().contains("ham3.txt"), "rejected: back in the queue");

        assertTrue(ok("train", project).out().contains(": 3 labels"), "approved 6, 1 and the reviewer's change of 4");
        refused("only a lead may change the team's settings", "review", project, "gate", "off", "--annotator", "rita");
        ok("review", project, "gate", "off", "--annotator", "lena");
        assertTrue(ok("train", project).out().contains(": 5 labels"), "every current label: 6, 1, 4, 8, 7");
    }

    /** ana said 6 spam, 4 ham, 1 ham; bob says 6 spam, 4 spam, 1 ham: figures worked out by hand in the asserts. */
    @Test
    void agreementFiguresMatchHandComputedValuesAndTheLeadAdjudicates() {
        makeTeam();
        ok("people", project, "add", "bob", "--role", "annotator", "--annotator", "lena");
        assertTrue(ok("agreement", project).out().contains("no item is labelled by two or more people"));
        ok("label", project, "6", "spam", "--annotator", "bob");
        ok("label", project, "4", "spam", "--annotator", "bob");
        ok("label", project, "1", "ham", "--annotator", "bob");
        String report = ok("agreement", project).out();
        assertTrue(report.contains("3 labelled by two or more people, 1 with a disagreement"), report);
        // percent 2/3; Fleiss: P = 2/3, chance (3/6)^2 + (3/6)^2 = 1/2, kappa 1/3;
        // alpha: n = 6, observed 2 disagreeing coincidences, expected 2 * 3 * 3 = 18: 1 - 5 * 2 / 18 = 0.444.
        assertTrue(report.contains("overall      agreement 0.667, Fleiss' kappa 0.333, Krippendorff's alpha 0.444"), report);
        // Cohen: p_o 2/3, ana spam 1/3 ham 2/3, bob spam 2/3 ham 1/3: p_e 4/9, kappa (2/9) / (5/9) = 0.4.
        assertTrue(report.contains("pair         ana / bob: 3 items, agreement 0.667, Cohen's kappa 0.400"), report);
        assertTrue(report.contains("label        spam: agreement 0.667"), report);

        String queue = ok("adjudication", project).out();
        assertTrue(queue.contains("4\tham4.txt\tana=ham bob=spam"), queue);
        refused("only a lead may adjudicate", "adjudication", project, "resolve", "4", "spam", "--note", "n",
                "--annotator", "rita");
        refused("no disagreement waiting", "adjudication", project, "resolve", "6", "spam", "--note", "n",
                "--annotator", "lena");
        ok("adjudication", project, "resolve", "4", "spam", "--note", "it advertises pills", "--annotator", "lena");
        assertTrue(ok("adjudication", project).out().contains("no disagreements to adjudicate"));
        assertTrue(ok("agreement", project).out().contains("agreement 0.667"), "agreement keeps what each person said");
        Path audit = dir.resolve("audit.csv");
        ok("export", project, "--format", "audit", "--out", audit.toString());
        try {
            assertTrue(Files.readAllLines(audit).stream().anyMatch(l -> l.contains("ham4.txt") && l.contains(",adjudication,")
                    && l.contains("it advertises pills")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theLeadMergesAColleaguesCopyOnce() throws IOException {
        makeTeam();
        Path copy = dir.resolve("ana.querent");
        Files.copy(Path.of(project), copy);
        ok("label", copy.toString(), "5", "spam", "--annotator", "ana");
        refused("only a lead may merge", "merge", project, copy.toString(), "--annotator", "ana");
        assertTrue(ok("merge", project, copy.toString(), "--annotator", "lena").out()
                .contains("ana.querent: 1 new decision(s), 0 role change(s)"));
        assertTrue(ok("merge", project, copy.toString(), "--annotator", "lena").out()
                .contains("ana.querent: 0 new decision(s)"));
        assertFalse(queuedPaths().contains("ham5.txt"), "ana's label arrived");
    }

    @Test
    void anEscalationLeavesTheQueueAndTheLeadResolvesIt() {
        makeTeam();
        assertTrue(queuedPaths().contains("ham5.txt"));
        ok("escalate", project, "ham5.txt", "--reason", "could be phishing", "--annotator", "ana");
        assertFalse(queuedPaths().contains("ham5.txt"));
        String open = ok("escalations", project).out();
        assertTrue(open.contains("5\tham5.txt\tana\t"), open);
        assertTrue(open.contains("could be phishing"), open);
        refused("already escalated", "escalate", project, "5", "--reason", "again", "--annotator", "ana");
        refused("only a lead may resolve", "escalations", project, "resolve", "5", "ham", "--note", "n", "--annotator", "rita");
        ok("escalations", project, "resolve", "5", "ham", "--note", "a real newsletter", "--annotator", "lena");
        assertTrue(ok("escalations", project).out().contains("no open escalations"));
        assertFalse(queuedPaths().contains("ham5.txt"), "labelled by the resolution");
        String export = export();
        assertTrue(Arrays.stream(export.split("\n")).anyMatch(l -> l.contains("ham5.txt") && l.contains("lena")), export);
        Path audit = dir.resolve("audit.csv");
        assertTrue(ok("export", project, "--format", "audit", "--out", audit.toString()).out().contains("wrote 14 events"));
        try {
            List<String> rows = Files.readAllLines(audit);
            assertTrue(rows.stream().anyMatch(l -> l.contains(",escalate,") && l.contains("ham5.txt") && l.contains("could be phishing")));
            assertTrue(rows.stream().anyMatch(l -> l.contains("ham5.txt") && l.contains(",escalation,")
                    && l.contains("a real newsletter") && l.contains("approved (escalation)")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The item ids of a review listing (header skipped). */
    private static List<String> reviewIds(CliRun run) {
        return run.out().lines().skip(1).map(l -> l.split("\t")[0]).toList();
    }

    /**
     * ana flagged item 10 in the fixture (then labels it); rita escalates ana's item 4; ana disagrees with bob on 7
     * and agrees with him on 8; so: flagged 10, escalated 4, low agreement 7.
     */
    @Test
    void theReviewQueueFiltersLowAgreementFlaggedAndEscalatedItems() {
        makeTeam();
        ok("people", project, "add", "bob", "--role", "annotator", "--annotator", "lena");
        ok("label", project, "10", "spam", "--annotator", "ana");
        ok("escalate", project, "4", "--reason", "pills?", "--annotator", "rita");
        ok("label", project, "7", "ham", "--annotator", "ana");
        ok("label", project, "8", "spam", "--annotator", "ana");
        assertEquals(List.of("10"), reviewIds(ok("review", project, "--annotator", "lena", "--flagged")));
        assertEquals(List.of("4"), reviewIds(ok("review", project, "--annotator", "lena", "--escalated")));
        assertEquals(List.of("7"), reviewIds(ok("review", project, "--annotator", "lena", "--low-agreement")));
        assertEquals(List.of("7"), reviewIds(ok("review", project, "--annotator", "lena", "--agreement-below", "0.5")));
        assertEquals("nothing to review", ok("review", project, "--annotator", "lena", "--low-agreement", "--by", "bob")
                .out().strip(), "item 7's current label is ana's");
        refused("above 0 and at most 1", "review", project, "--annotator", "lena", "--agreement-below", "2");
    }
}
