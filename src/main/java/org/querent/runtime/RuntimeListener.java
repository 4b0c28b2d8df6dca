package org.querent.runtime;

/** Receives the runtime's notes for the user, such as "CUDA is not available, using the CPU". */
@FunctionalInterface
public interface RuntimeListener {
    /** Logs notes through {@link System.Logger}, for callers that show nothing themselves. */
    RuntimeListener LOG = message -> System.getLogger("org.querent.runtime").log(System.Logger.Level.WARNING, message);

    void notice(String message);
}
