package org.querent.app;

import java.util.Locale;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * ONNX Runtime 1.29's Linux and macOS builds start a telemetry uploader when its environment is created:
 * it writes {@code /tmp/mat-debug-<pid>.log}, {@code /tmp/.ses} and a device id under
 * {@code ~/.cache/Microsoft/DeveloperTools}, and tries to send events. An offline workstation must not.
 * The only full opt-out is the environment variable {@code ORT_DISABLE_TELEMETRY=1}, read by the native
 * library at initialisation, so it is put into this process's environment before anything loads ONNX
 * Runtime. (Windows builds report through ETW instead; there the variable is harmless.)
 */
final class OrtTelemetry {
    static final String VARIABLE = "ORT_DISABLE_TELEMETRY";

    private OrtTelemetry() {
    }

    /** Interface to the C library's {@code setenv}. */
    interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);
    }

    static void disable() {
        if (System.getenv(VARIABLE) != null || Boolean.getBoolean("querent.ort.telemetry")
                || System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
            return; // already decided by the user, or not applicable
        }
        try {
            CLibrary c = Native.load("c", CLibrary.class);
            c.setenv(VARIABLE, "1", 0);
        } catch (Throwable e) { // JNA missing or unusable: telemetry stays as ONNX Runtime ships it
            System.err.println("querent: could not disable ONNX Runtime telemetry (" + e + "); set "
                    + VARIABLE + "=1 to disable it");
        }
    }
}
