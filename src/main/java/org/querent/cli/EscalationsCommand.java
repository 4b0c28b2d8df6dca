package org.querent.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.store.Escalation;
import org.querent.team.EscalationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
        @Mixin
        LeadResolution resolution;

        @Override
        public Integer call() {
            return resolution.run(parent.file, spec, "resolved", (p, id, l, n, lead) -> new EscalationService(p).resolve(id, l, n, lead));
        }
    }
}
