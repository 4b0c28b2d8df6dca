package org.querent.team;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.store.Person;

class PeopleServiceTest {
    @TempDir
    Path dir;

    @Test
    void aProjectWithoutPeopleLetsItsOnePersonDoEverything() {
        try (Project p = TeamFixture.open(dir)) {
            PeopleService people = new PeopleService(p);
            assertFalse(people.isTeam());
            for (Permission permission : Permission.values()) {
                assertDoesNotThrow(() -> people.require("anyone", permission));
            }
        }
    }

    @Test
    void theFirstPersonMustBeTheLead() {
        try (Project p = TeamFixture.open(dir)) {
            PeopleService people = new PeopleService(p);
            QuerentException e = assertThrows(QuerentException.class,
                    () -> people.assign("ana", Role.ANNOTATOR, "ana", null));
            assertTrue(e.getMessage().contains("must be its lead"), e.getMessage());
            assertTrue(people.people().isEmpty(), "nothing recorded");
            people.assign("lena", Role.LEAD, "lena", "runs the project");
            assertEquals(List.of(new Person("lena", "lead", "lena", people.people().get(0).changedAt())), people.people());
        }
    }

    @Test
    void onlyALeadAddsPeopleAndRolesAreRecordedInTheFile() {
        Path file;
        try (Project p = TeamFixture.open(dir)) {
            file = p.file();
            PeopleService people = new PeopleService(p);
            people.assign("lena", Role.LEAD, "lena", null);
            people.assign("ana", Role.ANNOTATOR, "lena", null);
            QuerentException e = assertThrows(QuerentException.class,
                    () -> people.assign("bob", Role.REVIEWER, "ana", null));
            assertTrue(e.getMessage().contains("only a lead may add people"), e.getMessage());
            people.assign("ana", Role.REVIEWER, "lena", "reviews from now on");
        }
        try (Project p = new org.querent.project.ProjectService(java.time.Clock.systemUTC()).open(file)) {
            PeopleService people = new PeopleService(p);
            assertEquals(List.of("ana:reviewer", "lena:lead"),
                    people.people().stream().map(x -> x.name() + ":" + x.role()).toList());
        }
    }

    @Test
    void rolesDecideWhoMayReviewAdjudicateAndChangeTheTaxonomy() {
        try (Project p = TeamFixture.open(dir)) {
            PeopleService people = new PeopleService(p);
            people.assign("lena", Role.LEAD, "lena", null);
            people.assign("ana", Role.ANNOTATOR, "lena", null);
            people.assign("rita", Role.REVIEWER, "lena", null);
            people.require("ana", Permission.LABEL);
            people.require("ana", Permission.ESCALATE);
            QuerentException review = assertThrows(QuerentException.class, () -> people.require("ana", Permission.REVIEW));
            assertTrue(review.getMessage().contains("only a reviewer or lead may approve"), review.getMessage());
            people.require("rita", Permission.REVIEW);
            people.require("lena", Permission.REVIEW);
            for (Permission leadOnly : List.of(Permission.ADJUDICATE, Permission.CHANGE_TAXONOMY,
                    Permission.RESOLVE_ESCALATION, Permission.MANAGE_PEOPLE)) {
                assertThrows(QuerentException.class, () -> people.require("rita", leadOnly));
                people.require("lena", leadOnly);
            }
        }
    }

    @Test
    void someoneNotOnTheTeamIsToldHowToJoin() {
        try (Project p = TeamFixture.open(dir)) {
            PeopleService people = new PeopleService(p);
            people.assign("lena", Role.LEAD, "lena", null);
            QuerentException e = assertThrows(QuerentException.class, () -> people.require("zed", Permission.LABEL));
            assertTrue(e.getMessage().contains("add zed --role annotator"), e.getMessage());
        }
    }

    @Test
    void theOnlyLeadCannotStepDown() {
        try (Project p = TeamFixture.open(dir)) {
            PeopleService people = new PeopleService(p);
            people.assign("lena", Role.LEAD, "lena", null);
            assertThrows(QuerentException.class, () -> people.assign("lena", Role.ANNOTATOR, "lena", null));
            people.assign("max", Role.LEAD, "lena", null);
            people.assign("lena", Role.ANNOTATOR, "max", "moved to labelling");
            assertEquals(Role.ANNOTATOR, people.roleOf("lena").orElseThrow());
        }
    }

    @Test
    void anUnknownRoleIsRefusedWithTheChoices() {
        QuerentException e = assertThrows(QuerentException.class, () -> Role.parse("boss"));
        assertTrue(e.getMessage().contains("annotator, reviewer, lead"), e.getMessage());
    }
}
