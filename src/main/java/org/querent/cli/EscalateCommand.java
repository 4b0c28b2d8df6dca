package org.querent.cli;

import java.util.concurrent.Callable;

import org.querent.project.Project;
import org.querent.session.LabellingService;
import org.querent.store.ItemRecord;
import org.querent.team.EscalationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent escalate PROJECT ITEM --reason R: hands an item to the lead. */
@Command(name = "escalate", description = "Hand an item to the lead with a reason: it leaves the queue and waits in the "
        + "lead's escalation queue ('querent escalations').")
final class EscalateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @Parameters(index = "1", paramLabel = "ITEM", description = "Item id, or its path relative to the dataset folder.")
    String item;
    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "What the lead should decide.")
    String reason;
    @Option(names = "--annotator", paramLabel = "NAME", description = "Who escalates (default: $QUERENT_ANNOTATOR or the user name).")
    String annotator;

    @Override
    public Integer call() {
        try (Project p = project.open()) {
            ItemRecord record = new LabellingService(p).findItem(item);
            new EscalationService(p).escalate(record.id(), reason, Annotators.resolve(annotator));
            spec.commandLine().getOut().printf("item %d %s escalated to the lead%n", record.id(), record.key());
        }
        return 0;
    }
}
