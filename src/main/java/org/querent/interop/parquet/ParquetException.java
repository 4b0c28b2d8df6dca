package org.querent.interop.parquet;

import java.nio.file.Path;

import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;

/** A Parquet file that cannot be read: the message names the file, what is wrong and what to do. */
public final class ParquetException extends QuerentException {
    private static final long serialVersionUID = 1L;

    public ParquetException(Path file, String problem) {
        super(ErrorKind.USAGE, file + ": " + problem);
    }

    public ParquetException(Path file, String problem, Throwable cause) {
        super(ErrorKind.USAGE, file + ": " + problem, cause);
    }

    /** A feature this reader leaves out, with the setting that avoids it. */
    static ParquetException unsupported(Path file, String feature, String remedy) {
        return new ParquetException(file, "uses " + feature + ", which Querent's Parquet reader does not support; "
                + remedy);
    }
}
