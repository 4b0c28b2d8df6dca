package org.querent.ui.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.project.Project;
import org.querent.session.LabellingPace;
import org.querent.session.ModelSession;
import org.querent.ui.browse.TestProjects;
import org.querent.ui.progress.ProgressViewModel.ClassCount;
import org.querent.session.OpenProject;
import org.querent.ui.task.DirectTaskRunner;

class ProgressViewModelTest {
    @TempDir
    Path dir;

    @Test
    void loadsCountsCurveAndVersionsFromTheProject() throws Exception {
        try (Project project = TestProjects.sample(dir)) {
            OpenProject open = new OpenProject(project, new ModelSession(project));
            ProgressViewModel model = new ProgressViewModel(new DirectTaskRunner(), () -> open, () -> "ana");

            model.refresh();

            assertEquals(List.of(new ClassCount("cat", 2), new ClassCount("dog", 1), new ClassCount("bird", 0)),
                    model.labelsPerClass());
            var totals = model.totalsProperty().get();
            assertEquals(11, totals.items());
            assertEquals(3, totals.labelled());
            assertEquals(1, totals.flagged());
            assertEquals(1, totals.skipped());
            assertEquals(1, totals.quarantined());
            assertEquals(2, model.versions().size());
            assertEquals(1, model.curve().size(), "only v2 has held-out metrics");
            assertEquals(30, model.curve().get(0).labels());
            assertTrue(model.versions().get(1).warmStarted());
            assertEquals("No pre-labels judged yet", model.acceptSummaryProperty().get());
            assertTrue(model.paceDetailProperty().get().endsWith("ana"), model.paceDetailProperty().get());
            assertEquals("", model.problemProperty().get());
        }
    }

    @Test
    void acceptanceSummaryGivesTheShareOfJudgedPreLabels() {
        assertEquals("75 % of 4 pre-labels accepted", ProgressViewModel.acceptSummary(3, 1));
    }

    @Test
    void paceLeavesOutBreaksLongerThanTenMinutes() {
        Instant start = Instant.parse("2024-05-01T09:00:00Z");
        // four decisions a minute apart, a lunch break, then two more a minute apart
        List<Instant> times = List.of(start, start.plusSeconds(60), start.plusSeconds(120), start.plusSeconds(180),
                start.plus(Duration.ofHours(2)), start.plus(Duration.ofHours(2)).plusSeconds(60));

        LabellingPace pace = LabellingPace.of(times, start.plus(Duration.ofHours(2)).plusSeconds(90));

        assertEquals(Duration.ofMinutes(4), pace.activeTime());
        assertEquals(60.0, pace.perHour(), 1e-9, "4 decisions in 4 active minutes");
        assertEquals(2, pace.lastHour());
        assertEquals("60 items per hour", ProgressViewModel.paceHeadline(pace));
    }

    @Test
    void paceNeedsAMinuteOfWorkBeforeGivingARate() {
        Instant now = Instant.parse("2024-05-01T09:00:00Z");
        LabellingPace pace = LabellingPace.of(List.of(now.minusSeconds(3), now), now);
        assertNull(pace.perHour());
        assertEquals(2, pace.lastHour());
    }
}
