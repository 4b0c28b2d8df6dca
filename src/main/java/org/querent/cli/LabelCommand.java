package org.querent.cli;

import java.util.List;
import java.util.concurrent.Callable;

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
    @Parameters(index = "1", paramLabel = "ITEM", description = "Item id, or its path relative to the dataset folder.")
    String item;
    @Parameters(index = "2", paramLabel = "LABEL[,LABEL...]", split = ",", description = "The label(s).")
    List<String> labels;
    @Option(names = "--annotator", paramLabel = "NAME", description = "Who decides (default: $QUERENT_ANNOTATOR or the user name).")
    String annotator;

    @Override
    public Integer call() {
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
}
