package org.querent.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.querent.common.QuerentException;

/**
 * A sentence encoder: tokenises texts, runs the ONNX model on int64 {@code input_ids}/{@code attention_mask}
 * (and zero {@code token_type_ids} when the model has that input), and pools the hidden states per the manifest.
 * Models with per-tensor dynamic quantisation (int8 MiniLM) run one text at a time inside {@link #run}, so that
 * an embedding does not depend on which texts share its batch.
 */
public final class TextEmbeddingModel implements EmbeddingModel {
    private volatile ModelInfo info;
    /** Idle sessions: a run takes one and gives it back, so as many runs as sessions go on at once. */
    private final BlockingQueue<OnnxSessions.OpenedSession> idle;
    private final List<OnnxSessions.OpenedSession> sessions;
    private final TextTokenizer tokenizer;
    private final OutputDecoder decoder;
    private final boolean feedsTokenTypes;
    private final boolean itemByItem;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Takes ownership of {@code sessions} (of one model file); the caller has validated the manifest against them. */
    TextEmbeddingModel(ModelInfo info, ModelManifest manifest, Path manifestFolder,
                       List<OnnxSessions.OpenedSession> sessions, ModelSignature signature) {
        this.info = info;
        this.sessions = List.copyOf(sessions);
        this.idle = new ArrayBlockingQueue<>(sessions.size(), false, sessions);
        this.tokenizer = new TextTokenizer(manifest.tokenizerPath(manifestFolder), manifest.text().maxTokens());
        this.decoder = new OutputDecoder(manifest);
        this.feedsTokenTypes = signature.input(ManifestValidator.TOKEN_TYPE_IDS).isPresent();
        // An embedding must not depend on its batch neighbours (it is cached by model hash). With per-tensor
        // dynamic quantisation it would, so such models run item by item: on int8 MiniLM over 128-token mails
        // this measured no slower than batches of 32 (inference dominates, padding is saved).
        this.itemByItem = OnnxGraphFacts.usesDynamicQuantization(manifest.onnxPath(manifestFolder));
        if (info.dimension() <= 0) {
            try {
                this.info = ModelLoader.withDimension(info, embed(List.of(ModelInput.text("probe"))).embeddings()[0].length);
            } catch (RuntimeException e) {
                tokenizer.close(); // the caller closes the session it gave us
                throw e;
            }
        }
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    /** Tokenises; texts longer than 4,000 characters are cut first (only the first maxTokens tokens count). */
    @Override
    public PreparedBatch prepare(List<ModelInput> inputs) {
        List<String> texts = new ArrayList<>(inputs.size());
        for (ModelInput input : inputs) {
            if (input.text() == null) {
                throw QuerentException.usage("model '" + info.name() + "' reads text but was given "
                        + (input.audioPath() != null ? "an audio clip: " + input.audioPath() : "an image: " + input.imagePath()));
            }
            texts.add(input.text());
        }
        return tokenizer.tokenize(texts);
    }

    /** Runs of {@link #run} that can go on at once, one per session. */
    @Override
    public int parallelRuns() {
        return sessions.size();
    }

    @Override
    public ModelOutput run(PreparedBatch batch) {
        if (!(batch instanceof TokenizedBatch tokens)) {
            throw new IllegalArgumentException("batch was not prepared by this text model: " + batch);
        }
        if (closed.get()) {
            throw new IllegalStateException("model '" + info.name() + "' is closed");
        }
        if (tokens.size() == 0) {
            return new ModelOutput(new float[0][], info.classLabels().isEmpty() ? null : new float[0][]);
        }
        OnnxSessions.OpenedSession session;
        try {
            session = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuerentException(org.querent.common.ErrorKind.CANCELLED, "inference was interrupted");
        }
        try {
            if (!itemByItem || tokens.size() == 1) {
                return runTogether(session, tokens);
            }
            float[][] embeddings = new float[tokens.size()][];
            float[][] scores = info.classLabels().isEmpty() ? null : new float[tokens.size()][];
            for (int i = 0; i < tokens.size(); i++) {
                ModelOutput one = runTogether(session, tokens.item(i));
                embeddings[i] = one.embeddings()[0];
                if (scores != null) {
                    scores[i] = one.classScores()[0];
                }
            }
            return new ModelOutput(embeddings, scores);
        } finally {
            idle.add(session);
        }
    }

    private ModelOutput runTogether(OnnxSessions.OpenedSession session, TokenizedBatch tokens) {
        long[] shape = {tokens.size(), tokens.tokens()};
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            feed.put(ManifestValidator.INPUT_IDS, tensor(tokens.inputIds(), shape));
            feed.put(ManifestValidator.ATTENTION_MASK, tensor(tokens.attentionMask(), shape));
            if (feedsTokenTypes) {
                feed.put(ManifestValidator.TOKEN_TYPE_IDS, tensor(new long[tokens.inputIds().length], shape));
            }
            try (OrtSession.Result result = session.session().run(feed, decoder.requestedOutputs())) {
                return decoder.decode(result, tokens.size(), tokens.attentionMask());
            }
        } catch (OrtException e) {
            throw QuerentException.model("inference failed in model '" + info.name() + "' on a batch of "
                    + tokens.size() + " texts: " + e.getMessage(), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    private static OnnxTensor tensor(long[] data, long[] shape) throws OrtException {
        return OnnxTensor.createTensor(Runtimes.environment(), LongBuffer.wrap(data), shape);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try (tokenizer) {
                sessions.forEach(OnnxSessions.OpenedSession::close);
            }
        }
    }
}
