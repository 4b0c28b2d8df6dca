package org.querent.session;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.project.Project;
import org.querent.runtime.BareInferenceLoop;
import org.querent.runtime.EmbeddingModel;
import org.querent.runtime.ModelInput;
import org.querent.runtime.ModelLoader;

/**
 * Where the time goes from "Open the sample project" to the first item to label, step by step, as the
 * workstation runs them (issue 8, item 17), against a bare tokenise+infer loop over the same 300 texts:
 * <pre>mvn -o test -Pbenchmark -Dtest=FirstItemBenchmark</pre>
 */
@Tag("benchmark")
class FirstItemBenchmark {
    private static final int FIRST_PART = ScoringService.FIRST_PART;

    @TempDir
    Path dir;

    @Test
    void fromOpeningTheSampleToTheFirstItem() throws Exception {
        long t0 = System.nanoTime();
        Path file = SampleProjects.prepareEmails(dir, ProgressListener.NONE);
        long prepared = System.nanoTime();
        ProjectOpener.Opened opened = new ProjectOpener().open(file);
        long openedAt = System.nanoTime();
        try (OpenProject project = opened.project()) {
            // What the workstation does: a first part, the first item, then the rest behind the labelling.
            project.scoring().score(32, FIRST_PART, ProgressListener.NONE, Cancellation.none());
            long firstPart = System.nanoTime();
            LabellingSession session = project.newSession("bench", new LabellingSession.Settings("margin", 10, 10),
                    Runnable::run);
            project.attach(session);
            session.start();
            long ranked = System.nanoTime();
            if (session.current().isEmpty()) {
                throw new AssertionError("no first item");
            }
            project.scoreRest(32, ProgressListener.NONE);
            long all = System.nanoTime();
            double bare = bareLoopSeconds(project.project());
            System.out.printf("first item of the sample: %.2f s in all%n", seconds(t0, ranked));
            System.out.printf("  copy, init and import 300 emails: %.2f s%n", seconds(t0, prepared));
            System.out.printf("  open (lock, model check, pending count): %.2f s%n", seconds(prepared, openedAt));
            System.out.printf("  score the first %d emails: %.2f s%n", FIRST_PART, seconds(openedAt, firstPart));
            System.out.printf("  start the session (load pool, zero-shot pre-labels, rank): %.2f s%n", seconds(firstPart, ranked));
            System.out.printf("then, behind the labelling: the other %d emails and a re-rank of all: %.2f s%n",
                    300 - FIRST_PART, seconds(ranked, all));
            double scoring = seconds(openedAt, firstPart) + seconds(ranked, all);
            System.out.printf("scoring all 300: %.2f s; bare tokenise+infer loop on the same texts: %.2f s (ratio %.2f)%n",
                    scoring, bare, bare / scoring);
        }
    }

    private static double bareLoopSeconds(Project project) throws Exception {
        Path root = project.dataRoot();
        List<ModelInput> texts = BareInferenceLoop.textsFrom(root, 10_000);
        try (EmbeddingModel model = ModelLoader.open("builtin:minilm", root)) {
            long start = System.nanoTime();
            BareInferenceLoop.run(model, texts, 32);
            return seconds(start, System.nanoTime());
        }
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
