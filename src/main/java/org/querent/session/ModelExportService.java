package org.querent.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.querent.common.QuerentException;
import org.querent.learn.Head;
import org.querent.project.Project;
import org.querent.runtime.EmbeddingModel;
import org.querent.runtime.ModelExporter;
import org.querent.runtime.ModelInput;
import org.querent.runtime.ModelLoader;
import org.querent.runtime.ModelOutput;
import org.querent.store.HeadRecord;
import org.querent.store.ItemRecord;

/**
 * Exports the project's improved model (backbone and the version in use) as one ONNX graph with a manifest, then
 * opens the export with ONNX Runtime and checks it against the project's own probabilities on a few scored items.
 */
public final class ModelExportService {
    /** Exported probabilities must match the project's within this (float rounding in the appended graph). */
    public static final double TOLERANCE = 1e-4;

    private final Project project;
    private final ModelSession models;

    public ModelExportService(Project project, ModelSession models) {
        this.project = project;
        this.models = models;
    }

    /**
     * What was written and how it checked.
     *
     * @param checked       scored items run through the export
     * @param maxDifference largest |exported - project| probability over them
     */
    public record Result(ModelExporter.Exported files, int version, List<String> labels, double temperature,
                         boolean multiLabel, int checked, double maxDifference) {
    }

    /** Writes {@code outDir/model.onnx} and {@code model.json}; checks up to {@code checkItems} items. */
    public Result export(Path outDir, int checkItems) {
        String hash = models.hash();
        HeadRecord version = ModelVersions.inUse(project, hash).orElseThrow(() -> QuerentException.usage(
                "there is no trained model version to export yet: label items of at least two classes and run"
                        + " 'querent train' first"));
        if (!version.classNames().equals(project.labelNames())) {
            throw QuerentException.usage("model version v" + version.version() + " predicts " + version.classNames()
                    + " but the taxonomy is now " + project.labelNames() + ": run 'querent train' so a version"
                    + " learns the current labels, then export");
        }
        Head head = Head.fromBytes(version.weights());
        double temperature = head.multiLabel() ? 1.0 : TrainingService.temperatureOf(version);
        ModelLoader.ResolvedModel source = ModelLoader.resolve(project.settings().model(), project.folder());
        if (!ModelLoader.resolveHash(project.settings().model(), project.folder()).equals(hash)) {
            throw QuerentException.usage("the project's model file changed since its items were scored; run"
                    + " 'querent score' (and 'querent train') first so the export matches what Querent predicts");
        }
        String name = project.file().getFileName().toString().replaceFirst("\\.querent$", "") + " v" + version.version()
                + " (" + source.manifest().name() + ")";
        ModelExporter.Exported files = ModelExporter.export(source, new ModelExporter.HeadSpec(head.weights(),
                head.bias(), temperature, head.multiLabel(), version.classNames()), name, outDir);
        CheckedDifference check = check(files, version, checkItems);
        if (check.maxDifference() > TOLERANCE) {
            throw QuerentException.model("the exported model in " + outDir + " disagrees with the project by "
                    + check.maxDifference() + " (more than " + TOLERANCE + ") on " + check.items()
                    + " items; please report it with --verbose");
        }
        return new Result(files, version.version(), version.classNames(), temperature, head.multiLabel(), check.items(),
                check.maxDifference());
    }

    private record CheckedDifference(int items, double maxDifference) {
    }

    /**
     * Runs the export over the first scored items and compares it with what queue computes for them: the version in
     * use over the stored (float16) vectors, its temperature and its link. The export rounds its vector to float16
     * where Querent stores it (ADR 0019), so both take the same path from the raw input on.
     */
    private CheckedDifference check(ModelExporter.Exported files, HeadRecord version, int checkItems) {
        Pool pool = Pool.load(project, version.modelHash());
        int n = Math.min(checkItems, pool.size());
        if (n == 0) {
            return new CheckedDifference(0, 0);
        }
        List<ModelInput> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ItemRecord item = pool.items().get(i);
            inputs.add(switch (item.kind()) {
                case IMAGE -> ModelInput.image(project.dataRoot().resolve(item.path()));
                case AUDIO -> ModelInput.audio(project.dataRoot().resolve(item.path()));
                case TEXT -> ModelInput.text(item.body());
            });
        }
        int[] rows = java.util.stream.IntStream.range(0, n).toArray();
        double[][] expected = Predictor.predict(project, pool.subset(rows), version, List.of(), null).probabilityRows();
        double max = 0;
        try (EmbeddingModel exported = ModelLoader.open(files.manifestFile().toString(), project.folder())) {
            ModelOutput out = exported.embed(inputs);
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < expected[i].length; c++) {
                    max = Math.max(max, Math.abs(out.classScores()[i][c] - expected[i][c]));
                }
            }
        }
        return new CheckedDifference(n, max);
    }
}
