package org.querent.session;

import java.util.Optional;

import org.querent.project.Project;
import org.querent.store.HeadRecord;

/**
 * Which model version pre-labels, ranks and is exported: the one in use for the project's model (promoted by the gate
 * or a lead, see {@link EvaluationService}), which need not be the newest.
 */
public final class ModelVersions {
    private ModelVersions() {
    }

    /** The version in use for embeddings of {@code modelHash}, or empty before the first training. */
    public static Optional<HeadRecord> inUse(Project project, String modelHash) {
        return new EvaluationService(project).inUse(modelHash);
    }
}
