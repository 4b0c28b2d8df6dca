package org.querent.session;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.store.EvaluationRepository.Promotion;
import org.querent.store.HeadRecord;
import org.querent.team.PeopleService;
import org.querent.team.Permission;

/**
 * Models and labels in and out, for the workstation: the gate's figures and the version in use, promotion and
 * rollback by a lead, the model export, label exports in every format, and label imports with a preview first.
 * The services and checks are the command line's own. Every method reads or writes files: call it off the UI thread.
 */
public final class InterchangeDesk {
    /** Rows of the file the import preview shows as parsed. */
    public static final int PREVIEW_ROWS = 12;

    private final Project project;
    private final ModelSession models;
    private final Supplier<LabellingSession> session;

    InterchangeDesk(Project project, ModelSession models, Supplier<LabellingSession> session) {
        this.project = project;
        this.models = models;
        this.session = session;
    }

    // ---- the gate -------------------------------------------------------------------------------------

    /** One version's figures on the evaluation set; recall per label in taxonomy order (null: no such item). */
    public record Metrics(int version, double accuracy, double macroF1, double logLoss, Map<String, Double> recall) {
    }

    /**
     * The comparison a promotion record holds: candidate against the version it would replace, on {@code items}
     * labelled evaluation items, with the paired bootstrap 95% interval of the accuracy difference.
     */
    public record Comparison(int items, Metrics candidate, Metrics incumbent, double difference, double low, double high,
                             double mcNemarP) {
    }

    /** A change of the version in use (or a held candidate), with its figures when there were any. */
    public record GateEvent(Promotion record, Comparison comparison) {
        public boolean held() {
            return "hold".equals(record.action());
        }
    }

    /**
     * What the Progress view shows of the gate.
     *
     * @param inUse        the version pre-labels and the queue use, or null before the first training
     * @param newest       the newest version (a held candidate when it is not {@code inUse})
     * @param versions     every version of the project's model, oldest first
     * @param history      the gate's and the leads' records, newest first
     */
    public record GateState(Integer inUse, Integer newest, List<Integer> versions, int evalSize, int evalLabelled,
                            List<GateEvent> history) {
        /** The newest record that compared two versions, if any. */
        public Optional<GateEvent> lastComparison() {
            return history.stream().filter(e -> e.comparison() != null).findFirst();
        }

        /** Whether the newest version is a candidate the gate held back. */
        public boolean candidateHeld() {
            return newest != null && inUse != null && !newest.equals(inUse);
        }
    }

    public GateState gate() {
        String hash = models.hash();
        EvaluationService evaluation = new EvaluationService(project);
        Integer inUse = evaluation.inUse(hash).map(HeadRecord::version).orElse(null);
        List<Integer> versions = project.heads().all().stream().filter(h -> h.modelHash().equals(hash))
                .map(HeadRecord::version).sorted().toList();
        Integer newest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        EvaluationService.EvalSet set = evaluation.evalSet();
        List<GateEvent> history = new ArrayList<>();
        List<Promotion> records = evaluation.history(hash);
        for (int i = records.size() - 1; i >= 0; i--) {
            history.add(new GateEvent(records.get(i), comparison(records.get(i).figures())));
        }
        return new GateState(inUse, newest, versions, set.size(), set.labelled(), history);
    }

    /** Whether {@code who} may promote and roll back, and if not who may. */
    public TeamDesk.Allowed mayPromote(String who) {
        return new TeamDesk(project).may(who, Permission.PROMOTE);
    }

    /** A lead puts {@code version} in use; recorded with both versions' figures. The queue re-ranks with it. */
    public Promotion promote(int version, String who, String reason) {
        new PeopleService(project).require(who, Permission.PROMOTE);
        Promotion done = new EvaluationService(project).promote(version, who, blankToNull(reason), pool());
        reRank();
        return done;
    }

    /** A lead returns to the version in use before the current one. */
    public Promotion rollback(String who, String reason) {
        new PeopleService(project).require(who, Permission.PROMOTE);
        Promotion done = new EvaluationService(project).rollback(models.hash(), who, blankToNull(reason), pool());
        reRank();
        return done;
    }

    private Pool pool() {
        LabellingSession s = session.get();
        return s != null && s.pool() != null ? s.pool() : Pool.load(project, models.hash());
    }

    private void reRank() {
        LabellingSession s = session.get();
        if (s != null) {
            s.refreshPool(); // pre-labels and the queue follow the version in use
        }
    }

    // ---- out ------------------------------------------------------------------------------------------

    /** Writes the version in use as one ONNX graph with its manifest, checked with ONNX Runtime on a few items. */
    public ModelExportService.Result exportModel(Path outDir) {
        return new ModelExportService(project, models).export(outDir, 20);
    }

    /**
     * What a label export wrote.
     *
     * @param config the Label Studio labelling config written beside the tasks, or null
     */
    public record LabelExport(ExportService.Format format, Path file, int rows, Path config) {
    }

    /**
     * @param predictions add every scored item with the pre-label of the version in use (and external pre-labels)
     */
    public LabelExport exportLabels(ExportService.Format format, Path out, boolean withText, boolean predictions) {
        Ranker.Ranked ranked = predictions ? new Ranker(project, models).predictPool() : null;
        ExportService service = new ExportService(project);
        int rows = service.export(format, out, new ExportService.Options(withText, ranked));
        Path config = null;
        if (format == ExportService.Format.LABEL_STUDIO) {
            config = out.resolveSibling(out.getFileName() + ".label-config.xml");
            try {
                Files.writeString(config, service.labelStudioConfig(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new QuerentException(ErrorKind.STORAGE, "cannot write " + config + ": " + e.getMessage()
                        + " (check the folder is writable and has space)", e);
            }
        }
        return new LabelExport(format, out, rows, config);
    }

    // ---- in -------------------------------------------------------------------------------------------

    /** Whether {@code who} may import labels: in a team project bringing in others' labels is a lead's call. */
    public TeamDesk.Allowed mayImport(String who) {
        return new TeamDesk(project).may(who, Permission.IMPORT_LABELS);
    }

    /** Reads and matches the file, writing nothing: counts, unmatched rows by line, and the first rows as parsed. */
    public LabelImportService.Preview previewImport(Path file, boolean asPredictions, String modelVersion, String who) {
        return new LabelImportService(project).preview(file, asPredictions, blankToNull(modelVersion), who, PREVIEW_ROWS);
    }

    /** Imports the file in one transaction (nothing when rows are unmatched, unless {@code skipUnmatched}). */
    public LabelImportService.Report importLabels(Path file, boolean asPredictions, String modelVersion, String who,
                                                  boolean skipUnmatched) {
        new PeopleService(project).require(who, Permission.IMPORT_LABELS);
        LabelImportService.Report report = new LabelImportService(project).importFile(file, asPredictions,
                blankToNull(modelVersion), who, skipUnmatched, false);
        LabellingSession s = session.get();
        if (s != null && report.written()) {
            s.refreshPool(); // imported labels leave the queue; external pre-labels may change what is shown
        }
        return report;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    // ---- the stored figures, typed -----------------------------------------------------------------------

    /** The comparison in a promotion's figures (EvaluationService writes them), or null when it holds none. */
    static Comparison comparison(Map<String, Object> figures) {
        if (figures == null || !(figures.get("candidate") instanceof Map<?, ?> c)
                || !(figures.get("incumbent") instanceof Map<?, ?> i)) {
            return null;
        }
        List<?> interval = figures.get("bootstrap95") instanceof List<?> l ? l : List.of();
        return new Comparison(integer(figures.get("items")), metrics(integer(figures.get("candidateVersion")), c),
                metrics(integer(figures.get("incumbentVersion")), i), number(figures.get("accuracyDifference")),
                interval.size() == 2 ? number(interval.get(0)) : Double.NaN,
                interval.size() == 2 ? number(interval.get(1)) : Double.NaN, number(figures.get("mcNemarP")));
    }

    private static Metrics metrics(int version, Map<?, ?> m) {
        Map<String, Double> recall = new LinkedHashMap<>();
        if (m.get("recall") instanceof Map<?, ?> r) {
            r.forEach((label, value) -> recall.put(String.valueOf(label), value == null ? null : number(value)));
        }
        return new Metrics(version, number(m.get("accuracy")), number(m.get("macroF1")), number(m.get("logLoss")), recall);
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static int integer(Object o) {
        return o instanceof Number n ? n.intValue() : -1;
    }
}
