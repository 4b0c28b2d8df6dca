package org.querent.common;

/** What went wrong, coarse enough for a user message and an exit code. */
public enum ErrorKind {
    /** The user asked for something invalid (bad option, unknown label). */
    USAGE,
    /** A file or folder is missing, moved or unreadable. */
    NOT_FOUND,
    /** The model file, its manifest or the runtime disagree or fail. */
    MODEL,
    /** The project file is locked, too new, or damaged. */
    PROJECT,
    /** The disk is full or not writable. */
    STORAGE,
    /** Work was cancelled by the user. */
    CANCELLED,
    /** Anything else: a bug or an unexpected failure. */
    INTERNAL
}
