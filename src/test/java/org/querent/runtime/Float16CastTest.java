package org.querent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.querent.store.Vectors;

/**
 * The exported graph rounds its embedding with ONNX Runtime's Cast float32 -> float16 -> float32 (ADR 0019); the
 * project rounds with {@link Vectors#toHalf}. They must agree bit for bit, or the export would not compute what
 * Querent computes: every half value, every tie between two neighbouring halves and the floats one step either side
 * of it, subnormals, the overflow edge, and a million floats of every magnitude.
 */
class Float16CastTest {

    @Test
    void ortCastRoundsAsTheStoreDoes() throws Exception {
        FloatBuffer values = FloatBuffer.allocate(4 * (1 << 16) + 1_000_000 + 16);
        for (int h = 0; h < 1 << 16; h++) {
            float f = Vectors.halfToFloat((short) h);
            values.put(f);
            if (Float.isFinite(f) && (h & 0x7fff) != 0x7bff) {
                // the exact midpoint to the next half away from zero, and the floats either side of it
                float next = Vectors.halfToFloat((short) (h + 1));
                float tie = (float) (((double) f + next) / 2);
                values.put(tie).put(Math.nextDown(tie)).put(Math.nextUp(tie));
            }
        }
        values.put(65519f).put(65520f).put(65536f).put(1e9f).put(-65520f).put(Float.MAX_VALUE)
                .put(Float.POSITIVE_INFINITY).put(Float.NEGATIVE_INFINITY).put(Float.NaN).put(0x1p-25f).put(0x1.8p-25f)
                .put(-0x1p-26f).put(Float.MIN_VALUE).put(-0f);
        Random random = new Random(19);
        while (values.remaining() > 0) {
            values.put((float) (random.nextGaussian() * Math.pow(10, random.nextInt(12) - 8)));
        }
        values.flip();
        int n = values.remaining();

        byte[] graph = new OnnxGraphBuilder("float16-round-trip")
                .input("x", DataType.FLOAT, -1)
                .output("y", DataType.FLOAT, -1)
                .node("Cast", new String[] {"x"}, new String[] {"half"}, "to", (long) DataType.FLOAT16.getNumber())
                .node("Cast", new String[] {"half"}, new String[] {"y"}, "to", (long) DataType.FLOAT.getNumber())
                .toBytes();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(graph, new OrtSession.SessionOptions());
             OnnxTensor x = OnnxTensor.createTensor(env, values, new long[] {n});
             OrtSession.Result result = session.run(Map.of("x", x))) {
            float[] y = (float[]) result.get(0).getValue();
            int differ = 0;
            String first = null;
            for (int i = 0; i < n; i++) {
                float f = values.get(i);
                float ours = Vectors.halfToFloat(Vectors.toHalf(f));
                boolean same = Float.isNaN(ours) ? Float.isNaN(y[i]) : Float.floatToRawIntBits(ours) == Float.floatToRawIntBits(y[i]);
                if (!same) {
                    differ++;
                    if (first == null) {
                        first = f + " (0x" + Integer.toHexString(Float.floatToRawIntBits(f)) + "): store " + ours
                                + ", ONNX Runtime " + y[i];
                    }
                }
            }
            assertEquals(0, differ, differ + " of " + n + " values round differently, first " + first);
        }
    }
}
