package org.querent.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.store.Person;
import org.querent.team.PeopleService;
import org.querent.team.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent people PROJECT add NAME --role R | list: the project's people and their roles. */
@Command(name = "people", description = "List the project's people, or add one with a role (annotator, reviewer, lead). "
        + "Once anyone is added, roles decide who may label, review, adjudicate and change the taxonomy.",
        subcommands = {PeopleCommand.Add.class, PeopleCommand.ListPeople.class})
final class PeopleCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file (.querent).")
    Path file;

    Project open() {
        return new ProjectService(Clock.systemUTC()).open(file);
    }

    /** Listing only reads: it runs beside a writer. */
    Project openReader() {
        return new ProjectService(Clock.systemUTC()).openReader(file);
    }

    @Override
    public Integer call() {
        throw QuerentException.usage("say what to do: 'querent people PROJECT list' or "
                + "'querent people PROJECT add NAME --role annotator|reviewer|lead'");
    }

    @Command(name = "add", description = "Add a person with a role, or change a person's role (a lead does this; "
            + "the first person added must be the lead).")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        PeopleCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME", description = "The person's name, as they label (--annotator).")
        String name;
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "annotator, reviewer or lead.")
        String role;
        @Option(names = "--annotator", paramLabel = "NAME", description = "Who adds them (default: $QUERENT_ANNOTATOR or the user name).")
        String annotator;
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the project's history).")
        String reason;

        @Override
        public Integer call() {
            Role r = Role.parse(role);
            try (Project p = parent.open()) {
                Person person = new PeopleService(p).assign(name, r, Annotators.resolve(annotator), reason);
                spec.commandLine().getOut().printf("%s is now %s of %s%n", person.name(), r.id(),
                        p.file().getFileName());
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List the project's people and their roles.")
    static final class ListPeople implements Callable<Integer> {
        @ParentCommand
        PeopleCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Project p = parent.openReader()) {
                List<Person> people = new PeopleService(p).people();
                PrintWriter out = spec.commandLine().getOut();
                if (people.isEmpty()) {
                    out.println("no people yet: one person does everything. Add the lead with "
                            + "'querent people " + p.file().getFileName() + " add NAME --role lead'");
                    return 0;
                }
                out.println("name\trole\tsince\tby");
                for (Person person : people) {
                    out.printf("%s\t%s\t%s\t%s%n", person.name(), person.role(), person.changedAt(), person.changedBy());
                }
            }
            return 0;
        }
    }
}
