package org.querent.session;

import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.project.Project;

/**
 * A project open in the workstation: the file, its model and the labelling loop. Closing releases the
 * project file for other processes. Methods here are safe on any thread; none touch JavaFX.
 */
public final class OpenProject implements AutoCloseable {
    private final Project project;
    private final ModelSession models;
    private volatile LabellingSession session;
    private final Cancellation closing = new Cancellation();
    private final java.util.concurrent.locks.ReentrantLock background = new java.util.concurrent.locks.ReentrantLock();

    public OpenProject(Project project, ModelSession models) {
        this.project = project;
        this.models = models;
    }

    public Project project() {
        return project;
    }

    public ModelSession models() {
        return models;
    }

    // The services a screen needs, made here so the UI never handles the project's lower layers (ADR 0009).

    /** A labelling loop over this project (not started: {@link LabellingSession#start} is slow). */
    public LabellingSession newSession(String annotator, LabellingSession.Settings settings,
                                       java.util.concurrent.Executor training) {
        return new LabellingSession(project, models, annotator, settings, training);
    }

    /** As above, ranking the next batch ahead on {@code ranking}. */
    public LabellingSession newSession(String annotator, LabellingSession.Settings settings,
                                       java.util.concurrent.Executor training, java.util.concurrent.Executor ranking) {
        return new LabellingSession(project, models, annotator, settings, training, ranking);
    }

    /** The person's recent decisions and the newest model, for the label view's side panel. */
    public WorkHistory history() {
        return new WorkHistory(project);
    }

    /** Paged, filtered reads for the browse view. */
    public BrowseQueries browseQueries() {
        return new BrowseQueries(project);
    }

    /** The figures the progress view shows. */
    public ProgressFigures progressFigures() {
        return new ProgressFigures(project);
    }

    /** Scoring what the model has not read yet. */
    public ScoringService scoring() {
        return new ScoringService(project, models);
    }

    /**
     * Scores what is left after a first part, behind the labelling, then refreshes the session's pool so the
     * queue ranks everything. Closing the project stops it after the batch in flight and waits for it.
     */
    public ScoringService.Report scoreRest(int batchSize, ProgressListener progress) {
        background.lock();
        try {
            if (closing.isCancelled()) {
                return new ScoringService.Report(0, 0, 0, 0, true);
            }
            ScoringService.Report report = scoring().score(batchSize, progress, closing);
            LabellingSession s = session;
            if (s != null && report.scored() > 0 && !closing.isCancelled()) {
                s.refreshPool();
            }
            return report;
        } finally {
            background.unlock();
        }
    }

    /** The labelling loop, once the pool is scored and ranked; null before. */
    public LabellingSession session() {
        return session;
    }

    public void attach(LabellingSession labellingSession) {
        this.session = labellingSession;
    }

    /** The team's work on this project (people, review, escalations, taxonomy, agreement). */
    public TeamDesk team() {
        return new TeamDesk(project);
    }

    /** Models and labels in and out: the gate, promotion, model and label exports, label imports. */
    public InterchangeDesk interchange() {
        return new InterchangeDesk(project, models, () -> session);
    }

    /** Points the project at a moved dataset folder. Writes the project file: call it off the UI thread. */
    public void relocateData(java.nio.file.Path newRoot) {
        DataFolderCheck.requireHoldsKnownFiles(project, newRoot);
        project.relocateData(newRoot);
    }

    /** Whether labelling can stop, from the stored heads over the cached pool. Reads the database. */
    public StoppingSignalService.StoppingSignal stoppingSignal() {
        // The session's pool when labelling: loading 100,000 vectors again would hold the file for seconds,
        // and every decision waits for the file.
        LabellingSession s = session;
        Pool pool = s != null ? s.awaitPool() : null; // behind a restored queue the pool may still be loading
        if (pool == null) {
            pool = Pool.load(project, models.hash());
        }
        return new StoppingSignalService(project).signal(pool);
    }

    /**
     * Monitoring by source: per source folder ({@code segmentColumn} null) or per value of a CSV/JSONL column:
     * items, labels per class, audit accuracy, pre-label acceptance and what stands out. Reads the database (and
     * the table files for a column).
     */
    public SourceMonitorService.SourceReport sources(String segmentColumn) {
        SourceMonitorService monitor = new SourceMonitorService(project);
        return segmentColumn == null ? monitor.bySource() : monitor.bySegment(segmentColumn);
    }

    /** The CSV/JSONL columns Progress can group by. Reads the table files. */
    public java.util.List<String> segmentColumns() {
        return new SourceMonitorService(project).segmentColumns();
    }

    /** The project file, as it was opened. */
    public java.nio.file.Path file() {
        return project.file();
    }

    public String name() {
        String file = project.file().getFileName().toString();
        return file.endsWith(".querent") ? file.substring(0, file.length() - ".querent".length()) : file;
    }

    @Override
    public void close() {
        LabellingSession s = session;
        if (s != null) {
            s.cancelTraining();
            try {
                s.saveQueue(); // the next open starts from it (ADR 0020)
            } catch (RuntimeException e) {
                // a read-only or full file: the next open ranks the pool instead; nothing else is lost
            }
        }
        closing.cancel();
        background.lock(); // background scoring stops after its batch; the model must outlive it
        background.unlock();
        models.close();
        project.close();
    }
}
