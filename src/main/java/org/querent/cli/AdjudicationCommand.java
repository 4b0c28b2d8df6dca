package org.querent.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.store.ItemRecord;
import org.querent.team.AgreementService;
import org.querent.team.AgreementService.Disagreement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent adjudication PROJECT [resolve ITEM LABEL --note N]: the lead's queue of disagreements. */
@Command(name = "adjudication", description = "Show the lead's adjudication queue (items whose annotators disagree), "
        + "or adjudicate one with a label and a note.", subcommands = AdjudicationCommand.Resolve.class)
final class AdjudicationCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file (.querent).")
    Path file;

    @Override
    public Integer call() {
        try (Project p = new ProjectService(Clock.systemUTC()).openReader(file)) {
            List<Disagreement> queue = new AgreementService(p).adjudicationQueue();
            PrintWriter out = spec.commandLine().getOut();
            if (queue.isEmpty()) {
                out.println("no disagreements to adjudicate");
                return 0;
            }
            out.println("item_id\tpath\tanswers");
            for (Disagreement d : queue) {
                String key = p.items().byId(d.itemId()).map(ItemRecord::key).orElse("");
                out.printf("%d\t%s\t%s%n", d.itemId(), key, d.answers().entrySet().stream()
                        .map(e -> e.getKey() + "=" + String.join(",", e.getValue())).collect(Collectors.joining(" ")));
            }
        }
        return 0;
    }

    @Command(name = "resolve", description = "Adjudicate a disagreement with a label and a note (a lead does this).")
    static final class Resolve implements Callable<Integer> {
        @ParentCommand
        AdjudicationCommand parent;
        @Spec
        CommandSpec spec;
        @Mixin
        LeadResolution resolution;

        @Override
        public Integer call() {
            return resolution.run(parent.file, spec, "adjudicated", (p, id, l, n, lead) -> new AgreementService(p).adjudicate(id, l, n, lead));
        }
    }
}
