package org.querent.common;

/**
 * The one exception type that crosses package boundaries. Its message is written for a user:
 * what went wrong and what to do about it.
 */
public class QuerentException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorKind kind;

    public QuerentException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public QuerentException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }

    public static QuerentException usage(String message) {
        return new QuerentException(ErrorKind.USAGE, message);
    }

    public static QuerentException notFound(String message) {
        return new QuerentException(ErrorKind.NOT_FOUND, message);
    }

    public static QuerentException model(String message) {
        return new QuerentException(ErrorKind.MODEL, message);
    }

    public static QuerentException model(String message, Throwable cause) {
        return new QuerentException(ErrorKind.MODEL, message, cause);
    }
}
