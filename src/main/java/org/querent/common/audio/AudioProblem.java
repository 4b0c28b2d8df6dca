package org.querent.common.audio;

/** Why a file cannot be used as a clip; the message is for the user (it becomes the quarantine reason). */
public final class AudioProblem extends Exception {
    private static final long serialVersionUID = 1L;

    public AudioProblem(String message) {
        super(message);
    }

    public AudioProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
