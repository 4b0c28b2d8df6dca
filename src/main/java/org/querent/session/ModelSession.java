package org.querent.session;

import java.util.List;

import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.runtime.EmbeddingModel;
import org.querent.runtime.ModelInfo;
import org.querent.runtime.ModelInput;
import org.querent.runtime.ModelLoader;
import org.querent.runtime.ModelOutput;

/**
 * The project's model, opened on first use and registered in the project. The model hash names its
 * embeddings; computing it does not need an inference session, so re-ranking never loads the model.
 */
public final class ModelSession implements AutoCloseable {
    private final Project project;
    private String hash;
    private EmbeddingModel model;
    private boolean shared;
    private String problem;

    public ModelSession(Project project) {
        this.project = project;
    }

    /** Uses a model the caller opened (and keeps owning: {@link #close} leaves it open). */
    public static ModelSession sharing(Project project, EmbeddingModel model) {
        ModelSession session = new ModelSession(project);
        session.model = model;
        session.shared = true;
        ModelInfo info = model.info();
        session.hash = info.hash();
        project.embeddings().registerModel(info.hash(), info.name(), info.reference(), info.input(), info.dimension(),
                info.classLabels());
        project.meta().put(LAST_MODEL_HASH, info.hash());
        return session;
    }

    /** Meta key of the hash of the model that last scored this project. */
    static final String LAST_MODEL_HASH = "last_model_hash";

    /**
     * The content hash of the project's model (ONNX bytes and preprocessing), cheap after the first call.
     * When the model file is missing or unreadable but the project holds embeddings of an earlier run, that
     * model's hash is used so labelling, training and ranking go on; {@link #problem()} says what is wrong.
     */
    public synchronized String hash() {
        if (hash == null) {
            if (model != null) {
                hash = model.info().hash();
            } else {
                try {
                    hash = ModelLoader.resolveHash(project.settings().model(), project.folder());
                } catch (QuerentException e) {
                    String last = project.meta().get(LAST_MODEL_HASH).orElse(null);
                    if (last == null || project.embeddings().count(last) == 0) {
                        throw e;
                    }
                    problem = e.getMessage();
                    hash = last;
                }
            }
        }
        return hash;
    }

    /** Why the model cannot be used right now (labelling continues on stored embeddings), or null. */
    public synchronized String problem() {
        return problem;
    }

    /** Opens the model (ONNX session, tokenizer) once and registers it in the project. */
    public synchronized EmbeddingModel model() {
        if (model == null) {
            model = ModelLoader.open(project.settings().model(), project.folder());
            ModelInfo info = model.info();
            hash = info.hash();
            problem = null;
            project.embeddings().registerModel(info.hash(), info.name(), info.reference(), info.input(),
                    info.dimension(), info.classLabels());
            project.meta().put(LAST_MODEL_HASH, info.hash());
        }
        return model;
    }

    /** Labels of the model's own class output, without opening the model when it is registered already. */
    public List<String> modelClassLabels() {
        return project.embeddings().classLabels(hash()).orElseGet(() -> model().info().classLabels());
    }

    /** Whether the model reads text (decides whether zero-shot pre-labels are possible). */
    public boolean readsText() {
        return project.embeddings().input(hash()).map("text"::equals).orElseGet(() -> model().info().isText());
    }

    /** Embeds short texts such as label prompts with the project's model (text models only). */
    public float[][] embedTexts(List<String> texts) {
        ModelOutput out = model().embed(texts.stream().map(ModelInput::text).toList());
        return out.embeddings();
    }

    @Override
    public synchronized void close() {
        if (model != null && !shared) {
            model.close();
        }
        model = null;
    }
}
