package org.querent.session;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.querent.common.Cancellation;
import org.querent.common.ErrorKind;
import org.querent.common.ProgressListener;
import org.querent.common.QuerentException;
import org.querent.ingest.DatasetScanner;
import org.querent.ingest.ScanOptions;
import org.querent.ingest.ScannedItem;
import org.querent.runtime.EmbeddingModel;
import org.querent.runtime.ModelInput;
import org.querent.runtime.ModelLoader;
import org.querent.runtime.ModelManifest;
import org.querent.runtime.ModelOutput;

/**
 * Labels and class probabilities for every item of a folder or file, from any Querent manifest with a
 * {@code classes} block (an exported project model or any classifier): no project needed.
 */
public final class PredictService {
    /** Output formats, by the file's extension. */
    public enum Format { CSV, JSONL }

    /** What was written. */
    public record Summary(int predicted, int unreadable, List<String> labels, double seconds) {
        public double itemsPerSecond() {
            return seconds <= 0 ? 0 : predicted / seconds;
        }
    }

    private final ObjectMapper json = new ObjectMapper();

    /** The format an output file's name asks for, or a usage error naming the choices. */
    public static Format formatOf(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".jsonl")) {
            return Format.JSONL;
        }
        throw QuerentException.usage("--out " + out.getFileName() + ": the file must end in .csv or .jsonl");
    }

    /**
     * @param multiLabel every label at 0.5 or above (the argmax when none is); default: when the manifest says sigmoid
     */
    public Summary predict(String modelReference, Path data, Path out, Boolean multiLabel, int batchSize,
                           ProgressListener progress, Cancellation cancel) {
        Format format = formatOf(out);
        ModelManifest manifest = ModelLoader.resolve(modelReference, Path.of("")).manifest();
        if (manifest.classes() == null) {
            throw QuerentException.usage("model '" + manifest.name() + "' has no \"classes\" block, so it names no labels"
                    + " to predict: export a trained project's model with 'querent export-model PROJECT --out DIR' and"
                    + " use DIR/model.json, or add a classes block naming the labels of its class output");
        }
        boolean multi = multiLabel != null ? multiLabel
                : manifest.classes().activation() == ModelManifest.Activation.SIGMOID;
        List<ScannedItem> items = new ArrayList<>();
        Path root;
        if (Files.isDirectory(data)) {
            root = data;
            new DatasetScanner().scan(data, ScanOptions.defaults(), items::add);
        } else {
            root = data.toAbsolutePath().getParent();
            new DatasetScanner().scanFile(data, ScanOptions.defaults(), items::add);
        }
        List<ScannedItem> readable = items.stream().filter(i -> !i.quarantined()).toList();
        if (readable.isEmpty()) {
            throw QuerentException.usage("found no readable item in " + data + " (" + items.size() + " unreadable)");
        }
        long start = System.nanoTime();
        Path target = out.toAbsolutePath();
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        try (EmbeddingModel model = ModelLoader.open(modelReference, Path.of(""))) {
            List<String> labels = model.info().classLabels();
            String reads = model.info().input();
            long wrongKind = readable.stream().filter(i -> !i.kind().name().equalsIgnoreCase(reads)).count();
            if (wrongKind == readable.size()) {
                throw QuerentException.usage("model '" + manifest.name() + "' reads " + model.info().input() + " but "
                        + data + " holds none: give it a folder or file of " + model.info().input() + " items");
            }
            Files.createDirectories(target.getParent());
            int done = 0;
            try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                if (format == Format.CSV) {
                    w.write(header(labels));
                }
                List<ScannedItem> batch = new ArrayList<>();
                for (ScannedItem item : readable) {
                    if (!item.kind().name().equalsIgnoreCase(reads)) {
                        continue;
                    }
                    batch.add(item);
                    if (batch.size() == batchSize) {
                        done += writeBatch(model, root, batch, labels, multi, format, w);
                        progress.progress(done, readable.size() - wrongKind, item.key());
                        cancel.throwIfCancelled();
                    }
                }
                done += writeBatch(model, root, batch, labels, multi, format, w);
                progress.progress(done, readable.size() - wrongKind, "");
            }
            move(temp, target);
            return new Summary(done, items.size() - readable.size() + (int) wrongKind, labels,
                    (System.nanoTime() - start) / 1e9);
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.STORAGE, "cannot write " + target + ": " + e.getMessage()
                    + " (check the folder exists, is writable and the disk has space)", e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the .part file is only a leftover; the error that matters is already on its way
            }
        }
    }

    private int writeBatch(EmbeddingModel model, Path root, List<ScannedItem> batch, List<String> labels, boolean multi,
                           Format format, BufferedWriter w) throws IOException {
        if (batch.isEmpty()) {
            return 0;
        }
        List<ModelInput> inputs = batch.stream().map(i -> switch (i.kind()) {
            case IMAGE -> ModelInput.image(root.resolve(i.path()));
            case AUDIO -> ModelInput.audio(root.resolve(i.path()));
            case TEXT -> ModelInput.text(i.text());
        }).toList();
        ModelOutput output = model.embed(inputs);
        for (int i = 0; i < batch.size(); i++) {
            float[] p = output.classScores()[i];
            double[] row = new double[p.length];
            for (int c = 0; c < p.length; c++) {
                row[c] = p[c];
            }
            QueueService.PreLabel label = QueueService.PreLabel.of(row, labels, multi);
            if (format == Format.CSV) {
                StringBuilder line = new StringBuilder(ExportService.csvField(batch.get(i).key())).append(',')
                        .append(ExportService.csvField(label.labels().replace(",", ";"))).append(',')
                        .append(String.format(Locale.ROOT, "%.6f", label.confidence()));
                for (float v : p) {
                    line.append(',').append(String.format(Locale.ROOT, "%.6f", v));
                }
                w.write(line.append('\n').toString());
            } else {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("item", batch.get(i).key());
                values.put("label", multi ? List.of(label.labels().split(",")) : label.labels());
                values.put("confidence", label.confidence());
                Map<String, Double> probabilities = new LinkedHashMap<>();
                for (int c = 0; c < labels.size(); c++) {
                    probabilities.put(labels.get(c), (double) p[c]);
                }
                values.put("probabilities", probabilities);
                w.write(json.writeValueAsString(values));
                w.write('\n');
            }
        }
        int n = batch.size();
        batch.clear();
        return n;
    }

    private static String header(List<String> labels) {
        StringBuilder h = new StringBuilder("item,label,confidence");
        for (String l : labels) {
            h.append(',').append(ExportService.csvField("p_" + l));
        }
        return h.append('\n').toString();
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
