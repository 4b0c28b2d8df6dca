package org.querent.store;

import java.io.IOException;
import java.sql.SQLException;

import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite and I/O failures into messages a user can act on. */
final class StorageErrors {
    private StorageErrors() {
    }

    static QuerentException sql(String context, SQLException e) {
        SQLiteErrorCode code = codeOf(e);
        if (code != null) {
            switch (code) {
                case SQLITE_FULL:
                    return new QuerentException(ErrorKind.STORAGE, context + ": the disk is full."
                            + " Free some space and try again; everything saved before this point is kept", e);
                case SQLITE_READONLY:
                case SQLITE_READONLY_DBMOVED:
                case SQLITE_CANTOPEN:
                    return new QuerentException(ErrorKind.STORAGE, context
                            + ": the project file cannot be written. Check that the file itself is writable (not read-only) and that"
                            + " its folder exists and is writable (SQLite writes its journal there)", e);
                case SQLITE_BUSY:
                case SQLITE_LOCKED:
                    return new QuerentException(ErrorKind.PROJECT, context
                            + ": the project is in use by another program. Close it there and try again", e);
                case SQLITE_CORRUPT:
                case SQLITE_NOTADB:
                    return new QuerentException(ErrorKind.PROJECT, context
                            + ": the file is not a Querent project or is damaged. Restore it from a backup", e);
                default:
                    break;
            }
            if (code.name().startsWith("SQLITE_IOERR")) {
                return new QuerentException(ErrorKind.STORAGE, context
                        + ": the disk reported an error (" + code.name() + "). Check the disk and free space", e);
            }
        }
        return new QuerentException(ErrorKind.INTERNAL, context + ": " + e.getMessage(), e);
    }

    /** The SQLite result code, looked for in the exception, its causes and chained exceptions (batches chain them). */
    private static SQLiteErrorCode codeOf(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() != null ? t.getCause()
                : t instanceof SQLException s ? s.getNextException() : null) {
            if (t instanceof SQLiteException s) {
                return s.getResultCode();
            }
            String m = t.getMessage();
            if (m != null) {
                for (SQLiteErrorCode c : SQLiteErrorCode.values()) {
                    if (m.contains("[" + c.name() + "]")) {
                        return c;
                    }
                }
            }
        }
        return null;
    }

    static QuerentException io(String context, IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("No space left")) {
            return new QuerentException(ErrorKind.STORAGE, context + ": the disk is full. Free some space and try again", e);
        }
        return new QuerentException(ErrorKind.STORAGE, context + ": " + message, e);
    }
}
