package org.querent.learn.pool;

import java.util.Arrays;
import java.util.Locale;

import org.querent.common.QuerentException;

/** Which head a project trains: the plain supervised one, one that learns from the pool, or the choice by validation. */
public enum HeadKind {
    /** Logistic regression on the labelled items only. */
    SUPERVISED("supervised"),
    /** Label spreading over the pool's neighbour graph; pool items get the spread labels. */
    SPREADING("spreading"),
    /** Logistic regression retrained on its own most confident pool predictions. */
    SELF_TRAINING("self-training"),
    /** Per project, the head that cross-validates best on the labels, never one that validates worse than supervised. */
    AUTO("auto");

    private final String id;

    HeadKind(String id) {
        this.id = id;
    }

    /** The name used on the command line, in settings and in provenance. */
    public String id() {
        return id;
    }

    /** @throws QuerentException USAGE naming the valid choices for an unknown name */
    public static HeadKind byName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (HeadKind kind : values()) {
            if (kind.id.equals(wanted)) {
                return kind;
            }
        }
        throw QuerentException.usage("unknown head '" + name + "': choose one of "
                + String.join(", ", Arrays.stream(values()).map(HeadKind::id).toList()));
    }

    @Override
    public String toString() {
        return id;
    }
}
