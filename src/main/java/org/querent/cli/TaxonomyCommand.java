package org.querent.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.store.LabelDefinition;
import org.querent.store.TaxonomyVersion;
import org.querent.team.TaxonomyService;
import org.querent.team.TaxonomyService.Change;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent taxonomy PROJECT add|rename|describe|rekey|merge|retire|history: change labels after init (leads). */
@Command(name = "taxonomy", description = "Change the labels after init (a lead does this): add, rename, describe, rekey, "
        + "merge, retire, each published as a taxonomy version with who and why; or show the history. Old decisions are "
        + "never rewritten: they read through the versions (renamed and merged labels under their new name, items whose "
        + "label was retired back in the queue).",
        subcommands = {TaxonomyCommand.Add.class, TaxonomyCommand.Rename.class, TaxonomyCommand.Describe.class,
                TaxonomyCommand.Rekey.class, TaxonomyCommand.Merge.class, TaxonomyCommand.Retire.class,
                TaxonomyCommand.History.class})
final class TaxonomyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file (.querent).")
    Path file;

    @Override
    public Integer call() {
        throw QuerentException.usage("say what to do: querent taxonomy PROJECT add|rename|describe|rekey|merge|retire|history"
                + " (see 'querent taxonomy --help')");
    }

    /** Who and why, shared by every change. */
    static final class Who {
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (published with the version).")
        String reason;
        @Option(names = "--annotator", paramLabel = "NAME", description = "The lead making the change (default: $QUERENT_ANNOTATOR or the user name).")
        String annotator;
    }

    /** Opens the project, applies one change and prints what it did. */
    abstract static class Changing implements Callable<Integer> {
        @ParentCommand
        TaxonomyCommand parent;
        @Spec
        CommandSpec spec;
        @Mixin
        Who who;

        abstract Change apply(TaxonomyService taxonomy, String actor, String reason);

        abstract String said();

        @Override
        public Integer call() {
            try (Project p = new ProjectService(Clock.systemUTC()).open(parent.file)) {
                Change change = apply(new TaxonomyService(p), Annotators.resolve(who.annotator), who.reason);
                spec.commandLine().getOut().printf("taxonomy version %d: %s%s%n", change.version(), said(),
                        change.itemsBackInQueue() == 0 ? "" : "; " + change.itemsBackInQueue() + " item(s) back in the queue");
            }
            return 0;
        }
    }

    @Command(name = "add", description = "Add a label.")
    static final class Add extends Changing {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--description", paramLabel = "TEXT", description = "One line for annotators and zero-shot pre-labels.")
        String description;
        @Option(names = "--key", paramLabel = "KEY", description = "Its key in the workstation (one letter or digit).")
        String key;

        Change apply(TaxonomyService t, String actor, String reason) {
            return t.add(name, description, key, actor, reason);
        }

        String said() {
            return "added " + name;
        }
    }

    @Command(name = "rename", description = "Rename a label; its decisions read under the new name.")
    static final class Rename extends Changing {
        @Parameters(index = "0", paramLabel = "OLD")
        String from;
        @Parameters(index = "1", paramLabel = "NEW")
        String to;

        Change apply(TaxonomyService t, String actor, String reason) {
            return t.rename(from, to, actor, reason);
        }

        String said() {
            return "renamed " + from + " to " + to;
        }
    }

    @Command(name = "describe", description = "Change a label's description.")
    static final class Describe extends Changing {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "DESCRIPTION")
        String description;

        Change apply(TaxonomyService t, String actor, String reason) {
            return t.describe(name, description, actor, reason);
        }

        String said() {
            return "described " + name;
        }
    }

    @Command(name = "rekey", description = "Give a label its key in the workstation ('none' clears it).")
    static final class Rekey extends Changing {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "KEY")
        String key;

        Change apply(TaxonomyService t, String actor, String reason) {
            return t.rekey(name, key, actor, reason);
        }

        String said() {
            return "re-keyed " + name;
        }
    }

    @Command(name = "merge", description = "Fold label FROM into label INTO; decisions for FROM read as INTO.")
    static final class Merge extends Changing {
        @Parameters(index = "0", paramLabel = "FROM")
        String from;
        @Parameters(index = "1", paramLabel = "INTO")
        String into;

        Change apply(TaxonomyService t, String actor, String reason) {
            return t.merge(from, into, actor, reason);
        }

        String said() {
            return "merged " + from + " into " + into;
        }
    }

    @Command(name = "retire", description = "Retire a label; items whose only label it was go back to the queue.")
    static final class Retire extends Changing {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        Change apply(TaxonomyService t, String actor, String reason) {
            return t.retire(name, actor, reason);
        }

        String said() {
            return "retired " + name;
        }
    }

    @Command(name = "history", description = "Show every taxonomy version: who, when, why, what changed.")
    static final class History implements Callable<Integer> {
        @ParentCommand
        TaxonomyCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Project p = new ProjectService(Clock.systemUTC()).openReader(parent.file)) {
                PrintWriter out = spec.commandLine().getOut();
                out.println("version\tchange\tby\tat\twhy\tmapping\tlabels");
                for (TaxonomyVersion v : new TaxonomyService(p).history()) {
                    out.printf("%d\t%s\t%s\t%s\t%s\t%s\t%s%n", v.version(), describe(v), v.author(), v.publishedAt(),
                            v.reason(), mapping(v.mapping()),
                            v.labels().stream().map(LabelDefinition::name).collect(Collectors.joining(",")));
                }
            }
            return 0;
        }

        private static String describe(TaxonomyVersion v) {
            return v.detail().isEmpty() ? v.change() : v.change() + " " + v.detail().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        }

        private static String mapping(Map<String, String> mapping) {
            return mapping.isEmpty() ? "-" : mapping.entrySet().stream()
                    .map(e -> e.getKey() + "->" + (e.getValue() == null ? "(retired)" : e.getValue()))
                    .collect(Collectors.joining(","));
        }
    }
}
