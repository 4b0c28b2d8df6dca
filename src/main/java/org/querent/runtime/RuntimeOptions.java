package org.querent.runtime;

/**
 * How to run models.
 *
 * @param requestGpu     try the CUDA execution provider first (falls back to the CPU with one notice)
 * @param intraOpThreads threads ONNX Runtime uses inside one operator
 * @param listener       receives notes for the user, such as a GPU fallback
 */
public record RuntimeOptions(boolean requestGpu, int intraOpThreads, RuntimeListener listener) {
    /** System property that asks for the GPU: {@code -Dquerent.gpu=true}. */
    public static final String GPU_PROPERTY = "querent.gpu";

    public RuntimeOptions {
        if (intraOpThreads <= 0) {
            throw new IllegalArgumentException("intraOpThreads must be positive, was " + intraOpThreads);
        }
        listener = listener == null ? RuntimeListener.LOG : listener;
    }

    /** CPU with one thread per core, unless {@code -Dquerent.gpu=true}; notes go to the log. */
    public static RuntimeOptions defaults() {
        return new RuntimeOptions(Boolean.getBoolean(GPU_PROPERTY), Runtime.getRuntime().availableProcessors(),
                RuntimeListener.LOG);
    }

    public RuntimeOptions withGpu(boolean gpu) {
        return new RuntimeOptions(gpu, intraOpThreads, listener);
    }

    public RuntimeOptions withListener(RuntimeListener newListener) {
        return new RuntimeOptions(requestGpu, intraOpThreads, newListener);
    }
}
