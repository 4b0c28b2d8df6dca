package org.querent.common;

/**
 * A rows x columns matrix of doubles (a pool's logits: one row per item, one column per class) held in chunks of at
 * most 256 KB. A {@code double[][]} costs an object per row (a million rows of three classes: 40 MB of headers and
 * pointers around 24 MB of values, and a million objects for the collector to trace); one flat array of a large pool
 * is a G1 "humongous" object that needs a run of free regions a full 1 GB heap cannot always find (ADR 0020, 0025).
 *
 * <p>Doubles, not floats: the values are {@code (b + w.x) / T} as the head computes them in double, and the margin
 * and its tie-break are read from them. Rounding them to float would reorder near ties (ADR 0025).
 *
 * <p>Rows are written once and then read; distinct rows may be written from distinct threads at once.
 */
public final class LogitMatrix {
    /** Bytes per chunk at most: well under half of G1's smallest region (1 MB), so never humongous. */
    private static final int CHUNK_BYTES = 256 * 1024;

    private final int rows;
    private final int columns;
    private final int chunkShift;
    private final int rowMask;
    private final double[][] chunks;

    /** A matrix of zeros. */
    public LogitMatrix(int rows, int columns) {
        if (rows < 0 || columns < 1) {
            throw new IllegalArgumentException("a logit matrix needs rows >= 0 and columns >= 1: received rows=" + rows
                    + ", columns=" + columns);
        }
        this.rows = rows;
        this.columns = columns;
        int chunkRows = Integer.highestOneBit(Math.max(1, CHUNK_BYTES / Double.BYTES / columns));
        this.chunkShift = Integer.numberOfTrailingZeros(chunkRows);
        this.rowMask = chunkRows - 1;
        int chunkCount = (int) (((long) rows + chunkRows - 1) >>> chunkShift);
        this.chunks = new double[chunkCount][];
        for (int c = 0; c < chunkCount; c++) {
            int inChunk = Math.min(chunkRows, rows - (c << chunkShift));
            chunks[c] = new double[inChunk * columns];
        }
    }

    /** A copy of equal-length rows. */
    public static LogitMatrix of(double[][] values) {
        int columns = values.length == 0 ? 1 : values[0].length;
        LogitMatrix m = new LogitMatrix(values.length, columns);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i].length != columns) {
                throw new IllegalArgumentException("rows differ in length: row 0 has " + columns + " values, row " + i
                        + " has " + (values[i] == null ? "none" : values[i].length));
            }
            m.setRow(i, values[i]);
        }
        return m;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public double get(int row, int column) {
        checkColumn(column);
        return chunks[row >>> chunkShift][(row & rowMask) * columns + column];
    }

    /** Copies row {@code row} into {@code into} (at least {@link #columns()} long). */
    public void copyRow(int row, double[] into) {
        System.arraycopy(chunks[row >>> chunkShift], (row & rowMask) * columns, into, 0, columns);
    }

    /** A fresh copy of row {@code row}. */
    public double[] row(int row) {
        double[] out = new double[columns];
        copyRow(row, out);
        return out;
    }

    /** Sets row {@code row} from the first {@link #columns()} values of {@code from}. */
    public void setRow(int row, double[] from) {
        System.arraycopy(from, 0, chunks[row >>> chunkShift], (row & rowMask) * columns, columns);
    }

    /** A new matrix of the given rows of this one, in the given order. */
    public LogitMatrix select(int[] rowsToKeep) {
        LogitMatrix out = new LogitMatrix(rowsToKeep.length, columns);
        for (int k = 0; k < rowsToKeep.length; k++) {
            System.arraycopy(chunks[rowsToKeep[k] >>> chunkShift], (rowsToKeep[k] & rowMask) * columns,
                    out.chunks[k >>> out.chunkShift], (k & out.rowMask) * columns, columns);
        }
        return out;
    }

    /** The rows as {@code double[][]}: for small matrices and tests. */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = row(i);
        }
        return out;
    }

    /** Rows per chunk (visible for tests of the chunk bound). */
    int chunkRows() {
        return rowMask + 1;
    }

    /** Length of the longest chunk in bytes (visible for tests of the chunk bound). */
    long largestChunkBytes() {
        long max = 0;
        for (double[] c : chunks) {
            max = Math.max(max, (long) c.length * Double.BYTES);
        }
        return max;
    }

    private void checkColumn(int column) {
        if (column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException("column " + column + " of a matrix of " + columns + " columns");
        }
    }
}
