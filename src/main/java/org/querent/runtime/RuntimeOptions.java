package org.querent.runtime;

/**
 * How to run models.
 *
 * @param requestGpu     try the CUDA execution provider first (falls back to the CPU with one notice)
 * @param intraOpThreads threads ONNX Runtime uses inside one operator
 * @param listener       receives notes for the user, such as a GPU fallback
 * @param sessions       ONNX sessions a model opens, so that as many runs go on at once (scoring's lanes)
 */
public record RuntimeOptions(boolean requestGpu, int intraOpThreads, RuntimeListener listener, int sessions) {
    /** System property that asks for the GPU: {@code -Dquerent.gpu=true}. */
    public static final String GPU_PROPERTY = "querent.gpu";
    /**
     * System property setting how many sessions run at once on the CPU: {@code -Dquerent.sessions=N}, each with
     * {@code cores / N} threads. Default one session with every core: on 2,000 mailing-list texts on two shared
     * cores, score with one two-thread session ran at 1.49-1.64x a bare loop of two one-thread sessions in the
     * same run (README, "A million items"), although an earlier idle-machine measurement had two sessions ahead
     * (84 against 72 texts/s). Use {@code -Dquerent.sessions=2} (or the number of cores) where that holds.
     */
    public static final String SESSIONS_PROPERTY = "querent.sessions";

    /**
     * System property setting how many sessions an image model runs at once on the CPU:
     * {@code -Dquerent.imageSessions=N}, each with {@code cores / N} threads, each with its own reader decoding
     * images. Default one one-thread session per core: decoding a PNG costs more than running a small image model on
     * it, so scoring images spreads the decoding over the cores too (README "A million items", ADR 0021).
     */
    public static final String IMAGE_SESSIONS_PROPERTY = "querent.imageSessions";

    public RuntimeOptions {
        if (intraOpThreads <= 0) {
            throw new IllegalArgumentException("intraOpThreads must be positive, was " + intraOpThreads);
        }
        if (sessions <= 0) {
            throw new IllegalArgumentException("sessions must be positive, was " + sessions);
        }
        listener = listener == null ? RuntimeListener.LOG : listener;
    }

    /** One session. */
    public RuntimeOptions(boolean requestGpu, int intraOpThreads, RuntimeListener listener) {
        this(requestGpu, intraOpThreads, listener, 1);
    }

    /**
     * CPU, unless {@code -Dquerent.gpu=true}; {@code -Dquerent.sessions} sessions (default one) sharing the cores;
     * notes go to the log. The GPU gets one session (its batches run in parallel on the device).
     */
    public static RuntimeOptions defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        boolean gpu = Boolean.getBoolean(GPU_PROPERTY);
        int sessions = gpu ? 1 : sessionsSetting(System.getProperty(SESSIONS_PROPERTY), cores);
        return new RuntimeOptions(gpu, Math.max(1, cores / sessions), RuntimeListener.LOG, sessions);
    }

    /** As {@link #defaults()}, for image models: {@code -Dquerent.imageSessions} sessions, default one per core. */
    public static RuntimeOptions imageDefaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        boolean gpu = Boolean.getBoolean(GPU_PROPERTY);
        int sessions = gpu ? 1 : sessionsSetting(IMAGE_SESSIONS_PROPERTY, System.getProperty(IMAGE_SESSIONS_PROPERTY),
                cores, cores);
        return new RuntimeOptions(gpu, Math.max(1, cores / sessions), RuntimeListener.LOG, sessions);
    }

    /** The sessions setting: a whole number from 1 to 64, or one when unset. */
    static int sessionsSetting(String value, int cores) {
        return sessionsSetting(SESSIONS_PROPERTY, value, cores, 1);
    }

    private static int sessionsSetting(String property, String value, int cores, int unset) {
        if (value == null || value.isBlank()) {
            return unset;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= 64) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw org.querent.common.QuerentException.usage("-D" + property + "=" + value + " is not a number of ONNX sessions:"
                + " give a whole number from 1 to 64 (this machine has " + cores + " cores), or leave it out for "
                + (unset == 1 ? "one session" : "one per core"));
    }

    public RuntimeOptions withGpu(boolean gpu) {
        return new RuntimeOptions(gpu, intraOpThreads, listener, sessions);
    }

    public RuntimeOptions withListener(RuntimeListener newListener) {
        return new RuntimeOptions(requestGpu, intraOpThreads, newListener, sessions);
    }

    public RuntimeOptions withSessions(int n, int threadsEach) {
        return new RuntimeOptions(requestGpu, threadsEach, listener, n);
    }
}
