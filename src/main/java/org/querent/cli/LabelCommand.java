package org.querent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.session.LabellingService;
import org.querent.store.Decision;
import org.querent.store.ItemRecord;
import org.querent.team.PeopleService;
import org.querent.team.Permission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent label: records a decision. */
@Command(name = "label", description = "Record a label decision for an item.")
final class LabelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @Parameters(index = "1", arity = "0..1", paramLabel = "ITEM", description = "Item id, or its path relative to the dataset folder.")
    String item;
    @Parameters(index = "2", arity = "0..1", paramLabel = "LABEL[,LABEL...]", split = ",", description = "The label(s).")
    List<String> labels;
    @Option(names = "--from", paramLabel = "FILE", description = "Many decisions in one run: a line per item, "
            + "ITEM<TAB>LABEL[,LABEL...] (or ITEM,LABEL); blank lines and lines starting with # are skipped. "
            + "All lines are checked first: one bad line records nothing.")
    Path from;
    @Option(names = "--annotator", paramLabel = "NAME", description = "Who decides (default: $QUERENT_ANNOTATOR or the user name).")
    String annotator;

    @Override
    public Integer call() {
        if (from != null) {
            if (item != null) {
                throw QuerentException.usage("give either ITEM LABEL or --from FILE, not both");
            }
            return labelFromFile();
        }
        if (item == null || labels == null) {
            throw QuerentException.usage("give ITEM and LABEL (e.g. 'querent label p.querent 17 spam'), or --from FILE");
        }
        try (Project p = project.open()) {
            LabellingService labelling = new LabellingService(p);
            ItemRecord record = labelling.findItem(item);
            String who = Annotators.resolve(annotator);
            new PeopleService(p).require(who, Permission.LABEL);
            Decision d = labelling.label(record.id(), labels, who);
            String verdict = d.accepted() == null ? "" : d.accepted() ? " (pre-label accepted)" : " (corrected " + d.preLabel() + ")";
            spec.commandLine().getOut().printf("item %d %s: %s%s%n", record.id(), record.key(), String.join(",", d.labels()), verdict);
        }
        return 0;
    }

    private record Line(int number, String item, List<String> labels) {
    }

    private int labelFromFile() {
        List<Line> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> raw;
        try {
            raw = Files.readAllLines(from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw QuerentException.notFound("cannot read " + from + ": " + e.getMessage());
        }
        for (int i = 0; i < raw.size(); i++) {
            String text = raw.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int cut = text.indexOf('\t') >= 0 ? text.indexOf('\t') : text.indexOf(',');
            if (cut <= 0 || cut == text.length() - 1) {
                problems.add(from.getFileName() + ":" + (i + 1) + ": expected ITEM<TAB>LABEL, found '" + text + "'");
                continue;
            }
            lines.add(new Line(i + 1, text.substring(0, cut).strip(),
                    Arrays.stream(text.substring(cut + 1).split(",")).map(String::strip).toList()));
        }
        if (lines.isEmpty() && problems.isEmpty()) {
            throw QuerentException.usage(from + " holds no decisions: write one line per item, ITEM<TAB>LABEL");
        }
        try (Project p = project.open()) {
            LabellingService labelling = new LabellingService(p);
            List<ItemRecord> records = new ArrayList<>();
            for (Line line : lines) {
                try {
                    records.add(labelling.findItem(line.item()));
                } catch (QuerentException e) {
                    problems.add(from.getFileName() + ":" + line.number() + ": " + e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                problems.stream().limit(20).forEach(err::println);
                throw QuerentException.usage(problems.size() + " bad line(s) in " + from + " (first ones above):"
                        + " nothing was recorded; fix them and run again");
            }
            String who = Annotators.resolve(annotator);
            // One transaction: a label the project does not know (checked while recording) undoes the whole file.
            p.database().write(c -> {
                for (int i = 0; i < lines.size(); i++) {
                    try {
                        labelling.label(records.get(i).id(), lines.get(i).labels(), who);
                    } catch (QuerentException e) {
                        throw QuerentException.usage(from.getFileName() + ":" + lines.get(i).number() + ": "
                                + e.getMessage() + " (nothing was recorded)");
                    }
                }
                return null;
            });
            spec.commandLine().getOut().printf("recorded %d decisions from %s%n", lines.size(), from.getFileName());
        }
        return 0;
    }
}
