package org.querent.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.querent.common.QuerentException;

/** An image model: preprocesses files per the manifest, runs the ONNX model, pools and normalises its output. */
public final class ImageEmbeddingModel implements EmbeddingModel {
    private volatile ModelInfo info;
    /** Idle sessions: a run takes one and gives it back, so as many runs as sessions go on at once. */
    private final BlockingQueue<OnnxSessions.OpenedSession> idle;
    private final List<OnnxSessions.OpenedSession> sessions;
    private final ImagePreprocessor preprocessor;
    private final OutputDecoder decoder;
    private final String inputName;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Takes ownership of {@code sessions} (of one model file); the caller has validated the manifest against them. */
    ImageEmbeddingModel(ModelInfo info, ModelManifest manifest, List<OnnxSessions.OpenedSession> sessions,
                        ModelSignature signature) {
        this.info = info;
        this.sessions = List.copyOf(sessions);
        this.idle = new ArrayBlockingQueue<>(sessions.size(), false, sessions);
        this.preprocessor = new ImagePreprocessor(manifest.image());
        this.decoder = new OutputDecoder(manifest);
        this.inputName = signature.inputs().get(0).name();
        if (info.dimension() <= 0) {
            this.info = ModelLoader.withDimension(info, run(blankBatch(1)).embeddings()[0].length);
        }
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    /** Decodes and preprocesses; a file that cannot be decoded fails the call with a message naming it. */
    @Override
    public PreparedBatch prepare(List<ModelInput> inputs) {
        List<Path> files = new ArrayList<>(inputs.size());
        for (ModelInput input : inputs) {
            if (input.imagePath() == null) {
                throw QuerentException.usage("model '" + info.name() + "' reads images but was given "
                        + (input.audioPath() != null ? "an audio clip: " + input.audioPath() : "a text"));
            }
            files.add(input.imagePath());
        }
        return preprocessor.prepare(files);
    }

    @Override
    public ModelOutput run(PreparedBatch batch) {
        if (!(batch instanceof ImagePreprocessor.ImageBatch images)) {
            throw new IllegalArgumentException("batch was not prepared by this image model: " + batch);
        }
        if (closed.get()) {
            throw new IllegalStateException("model '" + info.name() + "' is closed");
        }
        if (images.size() == 0) {
            return new ModelOutput(new float[0][], info.classLabels().isEmpty() ? null : new float[0][]);
        }
        OnnxSessions.OpenedSession session;
        try {
            session = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuerentException(org.querent.common.ErrorKind.CANCELLED, "inference was interrupted");
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(Runtimes.environment(), FloatBuffer.wrap(images.data()),
                images.shape());
             OrtSession.Result result = session.session().run(Map.of(inputName, tensor), decoder.requestedOutputs())) {
            return decoder.decode(result, images.size(), null);
        } catch (OrtException e) {
            throw QuerentException.model("inference failed in model '" + info.name() + "' on a batch of "
                    + images.size() + " images: " + e.getMessage(), e);
        } finally {
            idle.add(session);
        }
    }

    /** Runs of {@link #run} that can go on at once, one per session. */
    @Override
    public int parallelRuns() {
        return sessions.size();
    }

    /** A batch of {@code size} all-zero images: used to learn the embedding size when the ONNX shape leaves it free. */
    PreparedBatch blankBatch(int size) {
        return new ImagePreprocessor.ImageBatch(size, new float[size * preprocessor.itemLength()],
                preprocessor.batchShape(size));
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            sessions.forEach(OnnxSessions.OpenedSession::close);
        }
    }
}
