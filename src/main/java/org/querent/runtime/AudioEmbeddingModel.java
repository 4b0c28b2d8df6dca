package org.querent.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.querent.common.QuerentException;

/**
 * An audio model: prepares clips per the manifest's audio block, runs the ONNX model on each window (windows of
 * one length go in one batch), averages the windows of a clip (mean-windows policy) and normalises.
 */
public final class AudioEmbeddingModel implements EmbeddingModel {
    private volatile ModelInfo info;
    private final OnnxSessions.OpenedSession session;
    private final AudioPreprocessor preprocessor;
    private final OutputDecoder decoder;
    private final boolean normalize;
    private final String inputName;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Takes ownership of {@code session}; the caller has validated the manifest against it. */
    AudioEmbeddingModel(ModelInfo info, ModelManifest manifest, OnnxSessions.OpenedSession session,
                        ModelSignature signature) {
        this.info = info;
        this.session = session;
        TensorSpec input = signature.inputs().get(0);
        boolean channelAxis = manifest.audio().form() == ModelManifest.AudioForm.WAVEFORM ? input.rank() == 3
                : input.rank() == 4;
        this.preprocessor = new AudioPreprocessor(manifest.audio(), channelAxis);
        this.decoder = new OutputDecoder(manifest);
        this.normalize = manifest.embedding().normalize();
        this.inputName = input.name();
        if (info.dimension() <= 0) {
            AudioPreprocessor.Window silence = preprocessor.silence();
            this.info = ModelLoader.withDimension(info, runWindows(List.of(silence)).embeddings()[0].length);
        }
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public PreparedBatch prepare(List<ModelInput> inputs) {
        List<Path> files = new ArrayList<>(inputs.size());
        for (ModelInput input : inputs) {
            if (input.audioPath() == null) {
                throw QuerentException.usage("model '" + info.name() + "' reads audio but was given "
                        + (input.text() != null ? "a text" : "an image"));
            }
            files.add(input.audioPath());
        }
        return preprocessor.prepare(files);
    }

    @Override
    public ModelOutput run(PreparedBatch batch) {
        if (!(batch instanceof AudioPreprocessor.AudioBatch clips)) {
            throw new IllegalArgumentException("batch was not prepared by this audio model: " + batch);
        }
        if (closed.get()) {
            throw new IllegalStateException("model '" + info.name() + "' is closed");
        }
        List<AudioPreprocessor.Window> windows = new ArrayList<>();
        clips.items().forEach(windows::addAll);
        ModelOutput perWindow = windows.isEmpty() ? new ModelOutput(new float[0][], null) : runWindows(windows);
        boolean hasScores = perWindow.classScores() != null;
        float[][] embeddings = new float[clips.size()][];
        float[][] scores = hasScores ? new float[clips.size()][] : (info.classLabels().isEmpty() ? null : new float[0][]);
        int w = 0;
        for (int i = 0; i < clips.size(); i++) {
            int count = clips.items().get(i).size();
            embeddings[i] = mean(perWindow.embeddings(), w, count);
            if (count > 1 && normalize) {
                VectorMath.l2Normalize(embeddings[i]);
            }
            if (hasScores) {
                scores[i] = mean(perWindow.classScores(), w, count);
            }
            w += count;
        }
        return new ModelOutput(embeddings, scores);
    }

    /** Runs windows: all in one batch when they share a shape, else one by one. */
    private ModelOutput runWindows(List<AudioPreprocessor.Window> windows) {
        long[] first = windows.get(0).shape();
        boolean same = windows.stream().allMatch(x -> java.util.Arrays.equals(x.shape(), first));
        if (same) {
            int itemLength = windows.get(0).data().length;
            float[] data = new float[windows.size() * itemLength];
            for (int i = 0; i < windows.size(); i++) {
                System.arraycopy(windows.get(i).data(), 0, data, i * itemLength, itemLength);
            }
            long[] shape = first.clone();
            shape[0] = windows.size();
            return infer(data, shape, windows.size());
        }
        float[][] embeddings = new float[windows.size()][];
        float[][] scores = null;
        for (int i = 0; i < windows.size(); i++) {
            ModelOutput one = infer(windows.get(i).data(), windows.get(i).shape(), 1);
            embeddings[i] = one.embeddings()[0];
            if (one.classScores() != null) {
                scores = scores == null ? new float[windows.size()][] : scores;
                scores[i] = one.classScores()[0];
            }
        }
        return new ModelOutput(embeddings, scores);
    }

    private ModelOutput infer(float[] data, long[] shape, int size) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(Runtimes.environment(), FloatBuffer.wrap(data), shape);
             OrtSession.Result result = session.session().run(Map.of(inputName, tensor), decoder.requestedOutputs())) {
            return decoder.decode(result, size, null);
        } catch (OrtException e) {
            throw QuerentException.model("inference failed in model '" + info.name() + "' on " + size
                    + " audio window(s) of shape " + java.util.Arrays.toString(shape) + ": " + e.getMessage(), e);
        }
    }

    private static float[] mean(float[][] rows, int from, int count) {
        float[] out = rows[from].clone();
        for (int r = from + 1; r < from + count; r++) {
            for (int j = 0; j < out.length; j++) {
                out[j] += rows[r][j];
            }
        }
        if (count > 1) {
            for (int j = 0; j < out.length; j++) {
                out[j] /= count;
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            session.close();
        }
    }
}
