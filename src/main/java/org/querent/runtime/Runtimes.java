package org.querent.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;

/**
 * The one ONNX Runtime environment of the process. Components borrow it and never close it: closing it
 * while another session is alive would crash the native side.
 */
public final class Runtimes {
    private Runtimes() {
    }

    /** The shared environment, created on first use (loads the native library, 20-200 ms). */
    public static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "querent");
    }

    /** True when this ONNX Runtime build has the CUDA execution provider compiled in. */
    public static boolean cudaBuildAvailable() {
        return OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
    }
}
