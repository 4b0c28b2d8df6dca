package org.querent.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.session.LabellingService;
import org.querent.store.ItemRecord;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What a lead gives to settle an item, an escalation or a disagreement alike: ITEM LABEL --note, and who
 * the lead is. A picocli mixin, so both {@code resolve} commands share their arguments and their run.
 */
final class LeadResolution {
    @Parameters(index = "0", paramLabel = "ITEM", description = "Item id, or its path relative to the dataset folder.")
    String item;
    @Parameters(index = "1", paramLabel = "LABEL[,LABEL...]", split = ",", description = "The label(s).")
    List<String> labels;
    @Option(names = "--note", required = true, paramLabel = "TEXT", description = "Why, for the annotators.")
    String note;
    @Option(names = "--annotator", paramLabel = "NAME", description = "The lead (default: $QUERENT_ANNOTATOR or the user name).")
    String annotator;

    /** How the item is settled in the open project. */
    @FunctionalInterface
    interface Settle {
        void apply(Project project, long itemId, List<String> labels, String note, String lead);
    }

    int run(Path projectFile, CommandSpec spec, String done, Settle settle) {
        try (Project p = new ProjectService(Clock.systemUTC()).open(projectFile)) {
            ItemRecord record = new LabellingService(p).findItem(item);
            settle.apply(p, record.id(), labels, note, Annotators.resolve(annotator));
            spec.commandLine().getOut().printf("item %d %s %s: %s%n", record.id(), record.key(), done,
                    String.join(",", labels));
        }
        return 0;
    }
}
