package org.querent.team;

import java.util.List;
import java.util.Optional;

import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.store.PeopleRepository;
import org.querent.store.Person;

/**
 * The project's people and what their roles let them do. A project with nobody registered is one person's:
 * everything is allowed, as before teams. Once people are registered, every act is checked against the
 * actor's role; the first person registered must be a lead, so a team project always has one.
 */
public final class PeopleService {
    private final Project project;
    private final PeopleRepository people;

    public PeopleService(Project project) {
        this.project = project;
        this.people = new PeopleRepository(project.database(), project.clock());
    }

    public List<Person> people() {
        return people.people();
    }

    /** True once anyone is registered: roles are then enforced. */
    public boolean isTeam() {
        return !people.people().isEmpty();
    }

    public Optional<Role> roleOf(String name) {
        return people.person(name).map(p -> Role.parse(p.role()));
    }

    /** Registers a person, or changes their role (appended: the old role stays in the file's history). */
    public Person assign(String name, Role role, String actor, String reason) {
        String clean = name == null ? "" : name.trim();
        if (clean.isEmpty()) {
            throw QuerentException.usage("a person needs a name: querent people PROJECT add NAME --role ROLE");
        }
        if (clean.contains(",")) {
            throw QuerentException.usage("a name cannot contain a comma: '" + clean + "'");
        }
        if (!isTeam()) {
            if (role != Role.LEAD) {
                throw QuerentException.usage("the first person of a project must be its lead (who manages people and the "
                        + "taxonomy): add a lead first with --role lead");
            }
        } else {
            require(actor, Permission.MANAGE_PEOPLE);
        }
        Optional<Role> current = roleOf(clean);
        if (current.isPresent() && current.get() == role) {
            throw QuerentException.usage(clean + " is already a " + role.id() + ": nothing to change");
        }
        if (current.isPresent() && current.get() == Role.LEAD && role != Role.LEAD && leads() == 1) {
            throw QuerentException.usage(clean + " is the project's only lead: make someone else lead first");
        }
        return people.assign(clean, role.id(), actor, reason);
    }

    /** Fails with a message saying who may, unless {@code actor} may do it. */
    public void require(String actor, Permission permission) {
        if (!isTeam()) {
            return;
        }
        Optional<Role> role = roleOf(actor);
        if (role.isEmpty()) {
            throw QuerentException.usage("'" + actor + "' is not one of this project's people: a lead adds them with "
                    + "'querent people " + project.file().getFileName() + " add " + actor + " --role annotator'"
                    + " (or pass --annotator NAME)");
        }
        if (!role.get().permits(permission)) {
            throw QuerentException.usage(actor + " is " + article(role.get()) + ": only a " + permission.minimum().id()
                    + (permission.minimum() == Role.LEAD ? "" : " or lead") + " may " + permission.description());
        }
    }

    private long leads() {
        return people.people().stream().filter(p -> Role.LEAD.id().equals(p.role())).count();
    }

    private static String article(Role role) {
        return (role == Role.ANNOTATOR ? "an " : "a ") + role.id();
    }
}
