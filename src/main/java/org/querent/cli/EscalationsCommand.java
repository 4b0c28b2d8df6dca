package org.querent.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.session.LabellingService;
import org.querent.store.Escalation;
import org.querent.store.ItemRecord;
import org.querent.team.EscalationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent escalations PROJECT [resolve ITEM LABEL --note N]: the lead's escalation queue. */
@Command(name = "escalations", description = "Show the lead's escalation queue (oldest first), or resolve one with a "
        + "label and a note.", subcommands = EscalationsCommand.Resolve.class)
final class EscalationsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file (.querent).")
    Path file;

    @Override
    public Integer call() {
        try (Project p = new ProjectService(Clock.systemUTC()).openReader(file)) {
            List<Escalation> open = new EscalationService(p).open();
            PrintWriter out = spec.commandLine().getOut();
            if (open.isEmpty()) {
                out.println("no open escalations");
                return 0;
            }
            out.println("item_id\tpath\tby\tat\treason");
            for (Escalation e : open) {
                out.printf("%d\t%s\t%s\t%s\t%s%n", e.itemId(), e.itemKey(), e.annotator(), e.escalatedAt(), e.reason());
            }
        }
        return 0;
    }

    @Command(name = "resolve", description = "Resolve an escalation with a label and a note (a lead does this).")
    static final class Resolve implements Callable<Integer> {
        @ParentCommand
        EscalationsCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ITEM", description = "Item id, or its path relative to the dataset folder.")
        String item;
        @Parameters(index = "1", paramLabel = "LABEL[,LABEL...]", split = ",", description = "The label(s).")
        List<String> labels;
        @Option(names = "--note", required = true, paramLabel = "TEXT", description = "The answer, for the annotator.")
        String note;
        @Option(names = "--annotator", paramLabel = "NAME", description = "The lead (default: $QUERENT_ANNOTATOR or the user name).")
        String annotator;

        @Override
        public Integer call() {
            try (Project p = new ProjectService(Clock.systemUTC()).open(parent.file)) {
                ItemRecord record = new LabellingService(p).findItem(item);
                new EscalationService(p).resolve(record.id(), labels, note, Annotators.resolve(annotator));
                spec.commandLine().getOut().printf("item %d %s resolved: %s%n", record.id(), record.key(),
                        String.join(",", labels));
            }
            return 0;
        }
    }
}
