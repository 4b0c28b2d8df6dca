package org.querent.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.session.ModelSession;
import org.querent.session.WorkPackageService;
import org.querent.team.PackService.Plan;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent pack PROJECT --for NAME[,NAME...] --out PACKAGE: work packages for colleagues' laptops. */
@Command(name = "pack", description = "Write a work package: a small project file with some items, their embeddings, "
        + "the taxonomy, guideline, people and current head, which a colleague labels with the same app; bring their "
        + "decisions back with 'querent merge'. A lead does this.")
final class PackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @Option(names = "--for", required = true, split = ",", paramLabel = "NAME[,NAME...]",
            description = "Who labels it; several names write one package each (sharing the --overlap items).")
    List<String> people;
    @Option(names = "--out", required = true, paramLabel = "PACKAGE",
            description = "The package file (.querent); with several names (or an existing folder), a folder that gets "
                    + "NAME.querent for each.")
    Path out;
    @ArgGroup(exclusive = true)
    Source source = new Source();
    @Option(names = "--overlap", defaultValue = "0", paramLabel = "F",
            description = "Share of each package also given to the others (and to later packages with an overlap), "
                    + "for agreement (default: ${DEFAULT-VALUE}).")
    double overlap;
    @Option(names = "--strategy", defaultValue = "margin", paramLabel = "S",
            description = "Strategy that picks the items from the queue (default: ${DEFAULT-VALUE}).")
    String strategy;
    @Option(names = "--annotator", paramLabel = "LEAD", description = "The lead (default: $QUERENT_ANNOTATOR or the user name).")
    String annotator;

    static final class Source {
        @Option(names = "--items", paramLabel = "N", description = "Items per package, from the queue (default: 50).")
        Integer items;
        @Option(names = "--from", paramLabel = "FILE",
                description = "Items listed in a file, one id or path per line (e.g. saved 'querent queue' output).")
        Path from;
    }

    @Override
    public Integer call() {
        List<String> names = people.stream().map(String::trim).toList();
        Map<String, Path> files = new LinkedHashMap<>();
        for (String name : names) {
            if (!name.matches("[\\p{L}\\p{N}._ -]+")) {
                throw QuerentException.usage("'" + name + "' cannot name a package file: use letters, digits, '.', '_' or '-'");
            }
            files.put(name, names.size() == 1 && !Files.isDirectory(out) ? out : out.resolve(name + ".querent"));
        }
        String lead = Annotators.resolve(annotator);
        try (Project p = project.open(); ModelSession model = new ModelSession(p)) {
            WorkPackageService packing = new WorkPackageService(p, model);
            List<Plan> plans = source.from != null
                    ? packing.fromList(names, files, source.from, source.items, overlap, lead)
                    : packing.fromQueue(names, files, source.items == null ? 50 : source.items, overlap, strategy, lead);
            for (Plan plan : plans) {
                spec.commandLine().getOut().printf("%s: %d item(s) for %s (%d shared for agreement)%n", plan.file(),
                        plan.items().size(), plan.person(), plan.shared());
            }
        }
        return 0;
    }
}
