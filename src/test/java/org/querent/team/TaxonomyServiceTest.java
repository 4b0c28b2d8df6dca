package org.querent.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.Cancellation;
import org.querent.common.QuerentException;
import org.querent.learn.TrainSettings;
import org.querent.project.Project;
import org.querent.session.LabellingService;
import org.querent.session.ModelSession;
import org.querent.session.Pool;
import org.querent.session.TrainingService;
import org.querent.store.Decision;
import org.querent.store.HeadRecord;
import org.querent.store.TaxonomyVersion;
import org.querent.store.TeamDecisionRepository;
import org.querent.ui.common.KeyTable;

class TaxonomyServiceTest {
    @TempDir
    Path dir;

    private static Map<Long, String> current(Project p) {
        Map<Long, String> out = new HashMap<>();
        p.decisions().currentLabels().forEach((item, d) -> out.put(item, String.join(",", d.labels())));
        return out;
    }

    private static Project team(Path dir) {
        Project p = TeamFixture.open(dir);
        PeopleService people = new PeopleService(p);
        people.assign("lena", Role.LEAD, "lena", null);
        people.assign("ana", Role.ANNOTATOR, "lena", null);
        return p;
    }

    @Test
    void aRenameIsAVersionWithWhoAndWhyAndCurrentLabelsFollowWithoutRewritingHistory() {
        try (Project p = team(dir)) {
            TaxonomyService taxonomy = new TaxonomyService(p);
            TaxonomyService.Change change = taxonomy.rename("spam", "junk", "lena", "the team says junk");
            assertEquals(2, change.version());
            assertEquals(List.of("ham", "junk"), p.labelNames());
            TaxonomyVersion v2 = taxonomy.history().get(1);
            assertEquals("rename", v2.change());
            assertEquals("lena", v2.author());
            assertEquals("the team says junk", v2.reason());
            assertEquals(Map.of("spam", "junk"), v2.mapping());
            assertEquals(Map.of(6L, "junk", 8L, "junk", 7L, "junk", 4L, "ham", 1L, "ham", 3L, "ham"), current(p));
            List<Decision> history = p.decisions().history(6);
            assertEquals(List.of("spam"), history.get(0).labels(), "the decision keeps the label it was given");
        }
    }

    @Test
    void aMergeFoldsOneLabelIntoAnother() {
        try (Project p = team(dir)) {
            TaxonomyService taxonomy = new TaxonomyService(p);
            taxonomy.add("phishing", "asks for credentials", "P", "lena", "phishing needs its own handling");
            new LabellingService(p).label(5, List.of("phishing"), "ana");
            assertEquals("phishing", current(p).get(5L));
            taxonomy.merge("phishing", "spam", "lena", "too few phishing mails to learn from");
            assertEquals("spam", current(p).get(5L));
            assertEquals(List.of("ham", "spam"), p.labelNames());
            assertEquals(List.of("phishing"), p.decisions().history(5).get(0).labels());
        }
    }

    @Test
    void retiringALabelSendsItsItemsBackToTheQueue() {
        try (Project p = team(dir)) {
            TaxonomyService taxonomy = new TaxonomyService(p);
            taxonomy.add("phishing", "", null, "lena", "split spam");
            TaxonomyService.Change change = taxonomy.retire("ham", "lena", "we only sort the unwanted mail");
            assertEquals(3, change.itemsBackInQueue());
            Map<Long, String> now = current(p);
            assertEquals(Map.of(6L, "spam", 8L, "spam", 7L, "spam"), now);
            assertFalse(p.decisions().setAside().contains(4L), "a retired label's item is not set aside: it is unlabelled");
        }
    }

    @Test
    void aNameUsedAgainAfterARenameIsANewLabel() {
        try (Project p = team(dir)) {
            TaxonomyService taxonomy = new TaxonomyService(p);
            taxonomy.rename("spam", "junk", "lena", "clearer");
            taxonomy.add("spam", "bulk marketing only", null, "lena", "spam now means marketing");
            new LabellingService(p).label(9, List.of("spam"), "ana");
            Map<Long, String> now = current(p);
            assertEquals("junk", now.get(6L), "labelled spam under version 1: reads as junk");
            assertEquals("spam", now.get(9L), "labelled spam under version 3: the new spam");
        }
    }

    @Test
    void everyNewDecisionRecordsTheTaxonomyVersionInForce() {
        try (Project p = team(dir)) {
            TaxonomyService taxonomy = new TaxonomyService(p);
            taxonomy.describe("ham", "mail you wanted", "lena", "annotators asked");
            taxonomy.rekey("ham", "H", "lena", "H for ham");
            Decision d = new LabellingService(p).label(9, List.of("spam"), "ana");
            assertEquals(3, new TeamDecisionRepository(p.database(), p.clock()).taxonomyVersionOf(d.id()).orElseThrow());
            assertEquals("H", p.taxonomy().labels().get(0).hotkey());
            assertEquals("mail you wanted", p.taxonomy().labels().get(0).description());
        }
    }

    @Test
    void theNextHeadLearnsTheCurrentTaxonomy() {
        try (Project p = team(dir); ModelSession model = new ModelSession(p)) {
            TaxonomyService taxonomy = new TaxonomyService(p);
            taxonomy.add("phishing", "", null, "lena", "split spam");
            taxonomy.rename("spam", "junk", "lena", "clearer");
            taxonomy.retire("ham", "lena", "only unwanted mail");
            new LabellingService(p).label(5, List.of("phishing"), "ana");
            new ReviewService(p).setTrainOnlyApproved(false, "lena");
            Pool pool = Pool.load(p, model.hash());
            TrainingService training = new TrainingService(p);
            TrainingService.LabelledSet set = training.labelledSet(pool);
            assertEquals(4, set.data().x().length, "3 junk (from spam) and 1 phishing; ham is retired");
            assertEquals(2, set.data().classes());
            training.train(pool, TrainSettings.defaults(), Cancellation.none());
            HeadRecord head = p.heads().newest().orElseThrow();
            assertEquals(List.of("junk", "phishing"), head.classNames());
        }
    }

    @Test
    void onlyALeadChangesTheTaxonomyAndAlwaysSaysWhy() {
        try (Project p = team(dir)) {
            TaxonomyService taxonomy = new TaxonomyService(p);
            QuerentException notLead = assertThrows(QuerentException.class,
                    () -> taxonomy.rename("spam", "junk", "ana", "I prefer junk"));
            assertTrue(notLead.getMessage().contains("only a lead may change the taxonomy"), notLead.getMessage());
            QuerentException noReason = assertThrows(QuerentException.class, () -> taxonomy.rename("spam", "junk", "lena", " "));
            assertTrue(noReason.getMessage().contains("needs a reason"), noReason.getMessage());
            assertEquals(1, taxonomy.currentVersion(), "nothing published");
            assertEquals(List.of("ham", "spam"), p.labelNames());
        }
    }

    @Test
    void badChangesAreRefusedWithAMessageAndPublishNothing() {
        try (Project p = team(dir)) {
            TaxonomyService taxonomy = new TaxonomyService(p);
            assertThrows(QuerentException.class, () -> taxonomy.retire("ham", "lena", "too few left"));
            assertThrows(QuerentException.class, () -> taxonomy.merge("ham", "spam", "lena", "too few left"));
            assertThrows(QuerentException.class, () -> taxonomy.rename("ham", "spam", "lena", "clash"));
            assertThrows(QuerentException.class, () -> taxonomy.rename("eggs", "bacon", "lena", "missing"));
            assertThrows(QuerentException.class, () -> taxonomy.add("ham", "", null, "lena", "twice"));
            assertThrows(QuerentException.class, () -> taxonomy.add("a,b", "", null, "lena", "comma"));
            QuerentException reserved = assertThrows(QuerentException.class, () -> taxonomy.rekey("ham", "s", "lena", "S"));
            assertTrue(reserved.getMessage().contains("labelling command"), reserved.getMessage());
            taxonomy.rekey("ham", "h", "lena", "H");
            assertThrows(QuerentException.class, () -> taxonomy.rekey("spam", "H", "lena", "taken"));
            assertEquals(2, taxonomy.currentVersion());
        }
    }

    @Test
    void theReservedKeysAreTheWorkstationsCommandKeys() {
        assertEquals(KeyTable.RESERVED, TaxonomyService.RESERVED_KEYS);
    }
}
