package org.querent.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;

class HeadTest {

    private static final float[][] WEIGHTS = {{1f, 0f}, {0f, 1f}, {-1f, -1f}};
    private static final double[] BIAS = {0.0, 0.5, -0.25};

    @Test
    void softmaxPredictionMatchesHandComputation() {
        // x = (1, 2): logits (1, 2.5, -3.25); softmax = exp(z) / sum exp(z)
        double[] z = {1, 2.5, -3.25};
        double sum = Math.exp(z[0]) + Math.exp(z[1]) + Math.exp(z[2]);
        double[] p = new SoftmaxHead(WEIGHTS, BIAS).predict(new float[] {1f, 2f});
        assertArrayEquals(new double[] {Math.exp(z[0]) / sum, Math.exp(z[1]) / sum, Math.exp(z[2]) / sum}, p, 1e-12);
    }

    @Test
    void sigmoidPredictionMatchesHandComputation() {
        double[] p = new SigmoidHead(WEIGHTS, BIAS).predict(new float[] {1f, 2f});
        assertArrayEquals(new double[] {1 / (1 + Math.exp(-1)), 1 / (1 + Math.exp(-2.5)), 1 / (1 + Math.exp(3.25))},
                p, 1e-12);
    }

    @Test
    void extremeLogitsDoNotOverflow() {
        SoftmaxHead head = new SoftmaxHead(new float[][] {{1000f}, {-1000f}}, new double[2]);
        assertArrayEquals(new double[] {1, 0}, head.predict(new float[] {1f}), 0);
        assertEquals(0.0, SigmoidHead.sigmoid(-1000));
        assertEquals(1.0, SigmoidHead.sigmoid(1000));
    }

    @Test
    void batchSerialAndParallelPredictionsAgreeWithSingleRows() {
        SyntheticEmbeddings pool = SyntheticEmbeddings.clusters(Head.PARALLEL_ROWS * 2 + 17, 24, 5, 0.3, 3);
        Head head = new HeadTrainer().train(pool.data(), null, TrainSettings.defaults()).head();
        double[][] parallel = head.predict(pool.x);
        double[][] serial = head.predict(pool.x, false);
        for (int i = 0; i < pool.x.length; i++) {
            assertArrayEquals(head.predict(pool.x[i]), parallel[i], 0);
            assertArrayEquals(serial[i], parallel[i], 0);
            assertEquals(1.0, Arrays.stream(parallel[i]).sum(), 1e-12);
        }
    }

    @Test
    void wrongDimensionIsAUsageErrorNamingBothLengths() {
        QuerentException e = assertThrows(QuerentException.class,
                () -> new SoftmaxHead(WEIGHTS, BIAS).predict(new float[][] {{1f, 2f}, {1f}}));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertEquals("embedding has the wrong length for this head: head.dimension()=2, x[1].length=1", e.getMessage());
    }

    @Test
    void bytesRoundTripBothKinds() {
        for (Head head : new Head[] {new SoftmaxHead(WEIGHTS, BIAS), new SigmoidHead(WEIGHTS, BIAS)}) {
            byte[] bytes = head.toBytes();
            assertEquals(4 + 4 + 1 + 4 + 4 + 3 * 2 * 4 + 3 * 8, bytes.length);
            Head back = Head.fromBytes(bytes);
            assertInstanceOf(head.getClass(), back);
            assertEquals(head.multiLabel(), back.multiLabel());
            assertEquals(3, back.classes());
            assertEquals(2, back.dimension());
            assertArrayEquals(head.bias(), back.bias(), 0);
            for (int c = 0; c < 3; c++) {
                assertArrayEquals(head.weights()[c], back.weights()[c], 0);
            }
            assertArrayEquals(bytes, back.toBytes());
        }
    }

    @Test
    void formatIsLittleEndianWithMagicAndVersion() {
        byte[] bytes = new SoftmaxHead(WEIGHTS, BIAS).toBytes();
        assertArrayEquals(new byte[] {'Q', 'H', 'E', 'D', 1, 0, 0, 0, 1, 3, 0, 0, 0, 2, 0, 0, 0},
                Arrays.copyOf(bytes, 17));
    }

    @Test
    void damagedTruncatedOrNewerBytesAreModelErrors() {
        byte[] good = new SoftmaxHead(WEIGHTS, BIAS).toBytes();
        byte[] badMagic = good.clone();
        badMagic[0] = 'X';
        byte[] newer = good.clone();
        newer[4] = 2;
        byte[][] cases = {badMagic, newer, Arrays.copyOf(good, good.length - 1), Arrays.copyOf(good, 6), new byte[0]};
        for (byte[] bad : cases) {
            QuerentException e = assertThrows(QuerentException.class, () -> Head.fromBytes(bad));
            assertEquals(ErrorKind.MODEL, e.kind());
        }
    }

    @Test
    void headIsImmutable() {
        float[][] weights = {{1f}, {2f}};
        SoftmaxHead head = new SoftmaxHead(weights, new double[2]);
        weights[0][0] = 100f;
        head.weights()[1][0] = 100f;
        assertEquals(1f, head.weights()[0][0]);
        assertEquals(2f, head.weights()[1][0]);
    }
}
