package org.querent.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class LogitMatrixTest {

    @Test
    void rowsRoundTripAcrossChunkBoundariesBitForBit() {
        int columns = 3;
        int rows = 3 * 8192 + 17; // 8,192 rows of three doubles a chunk: three full chunks and a short one
        LogitMatrix m = new LogitMatrix(rows, columns);
        assertEquals(8192, m.chunkRows());
        Random random = new Random(3);
        double[][] expected = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < columns; c++) {
                expected[i][c] = random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10);
            }
            m.setRow(i, expected[i]);
        }
        double[] into = new double[columns];
        for (int i = 0; i < rows; i++) {
            m.copyRow(i, into);
            assertArrayEquals(expected[i], into, 0.0, "row " + i);
            assertArrayEquals(expected[i], m.row(i), 0.0);
            assertEquals(expected[i][2], m.get(i, 2), 0.0);
        }
        assertEquals(rows, m.rows());
        assertEquals(columns, m.columns());
        assertArrayEquals(expected, m.toArray());
    }

    @Test
    void noChunkIsLargeEnoughToBeHumongousToG1() {
        for (int columns : new int[] {1, 2, 3, 5, 7, 20, 1000}) {
            LogitMatrix m = new LogitMatrix(4_000_000 / columns, columns); // 32 MB each
            assertTrue(m.largestChunkBytes() <= 256 * 1024, columns + " columns: " + m.largestChunkBytes() + " bytes");
            assertTrue(m.largestChunkBytes() > 128 * 1024, "chunks are not needlessly small: " + m.largestChunkBytes());
        }
    }

    @Test
    void selectCopiesTheGivenRowsInTheGivenOrder() {
        LogitMatrix m = LogitMatrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}});
        LogitMatrix picked = m.select(new int[] {3, 0, 2});
        assertArrayEquals(new double[][] {{7, 8}, {1, 2}, {5, 6}}, picked.toArray());
        assertEquals(0, m.select(new int[0]).rows());
    }

    @Test
    void badShapesSayWhatWasReceived() {
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> LogitMatrix.of(new double[][] {{1, 2}, {3}}));
        assertEquals("rows differ in length: row 0 has 2 values, row 1 has 1", ragged.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LogitMatrix(3, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> LogitMatrix.of(new double[][] {{1, 2}}).get(0, 2));
        assertEquals(0, LogitMatrix.of(new double[0][]).rows());
    }
}
