package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.project.Project;
import org.querent.query.rules.BatchRules;
import org.querent.session.AuditEstimateService.AuditEstimate;
import org.querent.session.QueueService.QueueEntry;
import org.querent.session.StoppingSignalService.StoppingSignal;
import org.querent.session.StoppingSignalService.VersionPair;

class AuditAndStoppingTest {
    @TempDir
    Path dir;

    @Test
    void wilsonIntervalMatchesHandWorkedNumbers() {
        Proportion p = Proportion.wilson(8, 10);
        assertEquals(0.8, p.value(), 1e-12);
        assertEquals(0.4902, p.low(), 1e-4);
        assertEquals(0.9433, p.high(), 1e-4);
        Proportion none = Proportion.wilson(0, 5);
        assertEquals(0.0, none.low(), 1e-12);
        assertEquals(0.4345, none.high(), 1e-4);
        assertEquals("0.800 [0.490, 0.943], n=10", p.format());
        assertTrue(Double.isNaN(Proportion.wilson(0, 0).low()));
    }

    @Test
    void kappaOfAHandWorkedTable() {
        // 50 items: both yes 20, A yes / B no 5, A no / B yes 10, both no 15.
        // observed 35/50 = 0.7; chance 0.5 x 0.6 + 0.5 x 0.4 = 0.5; kappa = (0.7 - 0.5) / 0.5 = 0.4
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        add(a, b, "y", "y", 20);
        add(a, b, "y", "n", 5);
        add(a, b, "n", "y", 10);
        add(a, b, "n", "n", 15);
        assertEquals(0.4, Agreement.cohensKappa(a.toArray(String[]::new), b.toArray(String[]::new)), 1e-12);
        assertEquals(1.0, Agreement.cohensKappa(new String[] {"y", "y"}, new String[] {"y", "y"}), 1e-12);
    }

    private static void add(List<String> a, List<String> b, String x, String y, int n) {
        for (int i = 0; i < n; i++) {
            a.add(x);
            b.add(y);
        }
    }

    @Test
    void theStopRuleNeedsTheLastThreePairsAtOrAbove099() {
        AuditEstimate noAudit = new AuditEstimate(null, List.of(), Proportion.wilson(0, 0));
        StoppingSignal yes = StoppingSignalService.decide(100, pairs(0.95, 0.995, 0.99, 1.0), noAudit);
        assertTrue(yes.stop(), yes.reason());
        assertEquals("you can probably stop: kappa v2-v3 0.995, v3-v4 0.990, v4-v5 1.000", yes.reason());
        StoppingSignal no = StoppingSignalService.decide(100, pairs(0.995, 0.98, 0.999, 0.999), noAudit);
        assertFalse(no.stop(), no.reason());
        StoppingSignal early = StoppingSignalService.decide(100, pairs(1.0, 1.0), noAudit);
        assertFalse(early.stop());
        assertTrue(early.reason().contains("train 1 more"), early.reason());
    }

    private static List<VersionPair> pairs(double... kappas) {
        List<VersionPair> out = new ArrayList<>();
        for (int i = 0; i < kappas.length; i++) {
            out.add(new VersionPair(i + 1, i + 2, kappas[i], Double.NaN));
        }
        return out;
    }

    @Test
    void auditPicksAreRecordedAndTheirLabelsEstimateAccuracy() throws Exception {
        try (Project project = RulesProject.create(dir)) {
            int version = RulesProject.saveTrainedHead(project);
            Pool pool = Pool.load(project, RulesProject.MODEL);
            QueueService.Queue queue = new QueueService(project).next(pool, RulesProject.allCat(pool, version), "margin", 10, 5,
                    Set.of(), new BatchRules(0, 0, 0, 0.4));
            List<QueueEntry> audit = queue.entries().stream().filter(QueueEntry::audit).toList();
            assertEquals(4, audit.size());
            assertEquals(Map.of(queue.roundId(), Set.copyOf(audit.stream().map(e -> e.item().id()).toList())),
                    AuditPicks.read(project.meta()));

            LabellingService labelling = new LabellingService(project);
            int right = 0;
            for (QueueEntry e : queue.entries()) { // label the whole batch; only audit picks may count
                String truth = RulesProject.truth(e.item().id(), project);
                labelling.label(e.item().id(), List.of(truth), "ana");
                right += e.audit() && truth.equals("cat") ? 1 : 0;
            }
            AuditEstimate estimate = new AuditEstimateService(project).estimate();
            assertEquals(version, estimate.latest().modelVersion());
            assertEquals(Proportion.wilson(right, 4), estimate.latest().accuracy());
            assertEquals(Proportion.wilson(right, 4), estimate.pooled());
        }
    }

    @Test
    void withoutAuditPicksThereIsNoEstimate() throws Exception {
        try (Project project = RulesProject.create(dir)) {
            Pool pool = Pool.load(project, RulesProject.MODEL);
            QueueService.Queue queue = new QueueService(project).next(pool, RulesProject.allCat(pool, RulesProject.saveTrainedHead(project)),
                    "margin", 5, 1);
            new LabellingService(project).label(queue.entries().get(0).item().id(), List.of("cat"), "ana");
            assertFalse(new AuditEstimateService(project).estimate().available());
            assertNull(new AuditEstimateService(project).estimate().latest());
        }
    }

    @Test
    void identicalSuccessiveHeadsSayYouCanProbablyStopOnAFixedStopSet() throws Exception {
        try (Project project = RulesProject.create(dir)) {
            Pool pool = Pool.load(project, RulesProject.MODEL);
            new LabellingService(project).label(pool.items().get(0).id(), List.of("cat"), "ana");
            StoppingSignalService service = new StoppingSignalService(project);
            List<Long> stopSet = service.stopSet(pool);
            assertEquals(RulesProject.ITEMS - 1, stopSet.size(), "every unlabelled item, up to 1,000");
            assertFalse(stopSet.contains(pool.items().get(0).id()));

            for (int v = 0; v < 3; v++) {
                RulesProject.saveTrainedHead(project);
            }
            StoppingSignal three = service.signal(pool);
            assertEquals(2, three.pairs().size());
            assertFalse(three.stop());
            RulesProject.saveTrainedHead(project);
            new LabellingService(project).label(pool.items().get(1).id(), List.of("cat"), "ana");
            StoppingSignal four = service.signal(pool);
            assertEquals(stopSet, service.stopSet(pool), "the stop set is fixed once created");
            assertEquals(RulesProject.ITEMS - 1, four.stopSetSize());
            assertEquals(3, four.pairs().size());
            assertEquals(1.0, four.pairs().get(2).kappa(), 1e-12);
            assertTrue(four.stop(), four.reason());
            // 'querent status' reads only the stored stop set's vectors: the same signal without the pool.
            StoppingSignal fromStore = service.signal(RulesProject.MODEL);
            assertEquals(four.stopSetSize(), fromStore.stopSetSize());
            assertEquals(four.pairs(), fromStore.pairs());
            assertEquals(four.reason(), fromStore.reason());
        }
    }

    /** 'querent status' draws the stop set from the pool's ids alone: the same ids, in the same order, as the pool. */
    @Test
    void theStopSetDrawnWithoutThePoolIsThePoolsOne() throws Exception {
        List<Long> fromPool;
        try (Project project = RulesProject.create(dir.resolve("a"))) {
            Pool pool = Pool.load(project, RulesProject.MODEL);
            new LabellingService(project).label(pool.items().get(3).id(), List.of("cat"), "ana");
            fromPool = new StoppingSignalService(project).stopSet(pool);
        }
        try (Project project = RulesProject.create(dir.resolve("b"))) {
            Pool pool = Pool.load(project, RulesProject.MODEL);
            new LabellingService(project).label(pool.items().get(3).id(), List.of("cat"), "ana");
            StoppingSignalService service = new StoppingSignalService(project);
            StoppingSignal signal = service.signal(RulesProject.MODEL); // draws and stores the set: no pool loaded
            assertEquals(RulesProject.ITEMS - 1, signal.stopSetSize());
            assertEquals(fromPool, service.stopSet(pool), "the stored set is the one the pool would have drawn");
            assertTrue(!fromPool.equals(fromPool.stream().sorted().toList()), "a shuffled sample, not the id order");
        }
    }
}
