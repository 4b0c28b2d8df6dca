package org.querent.runtime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.querent.common.QuerentException;

/** Opens ONNX sessions on the shared environment, on CUDA when asked and possible, else on the CPU. */
public final class OnnxSessions {
    public static final String CPU = "CPU";
    public static final String CUDA = "CUDA";

    private OnnxSessions() {
    }

    /** An open session and the execution provider it runs on. Closing it closes the session. */
    public record OpenedSession(OrtSession session, String executionProvider) implements AutoCloseable {
        @Override
        public void close() {
            try {
                session.close();
            } catch (OrtException e) {
                throw QuerentException.model("cannot close ONNX session: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Opens {@code onnxFile}. Tries CUDA when {@code options.requestGpu()} or when this build has CUDA; if that
     * fails, reports one notice through the options' listener and opens on the CPU.
     */
    public static OpenedSession open(Path onnxFile, RuntimeOptions options) {
        if (!Files.isRegularFile(onnxFile)) {
            throw QuerentException.notFound("ONNX model file not found: " + onnxFile);
        }
        try {
            if (Files.size(onnxFile) == 0) {
                throw QuerentException.model(onnxFile + " is empty (0 bytes), not an ONNX model: copy the model file again");
            }
        } catch (java.io.IOException e) {
            throw QuerentException.notFound("cannot read the ONNX model file " + onnxFile + ": check its permissions");
        }
        if (options.requestGpu() || Runtimes.cudaBuildAvailable()) {
            try {
                return new OpenedSession(create(onnxFile, options, true), CUDA);
            } catch (OrtException | UnsatisfiedLinkError e) {
                options.listener().notice("GPU (CUDA) is not available (" + firstLine(e.getMessage())
                        + "); running " + onnxFile.getFileName() + " on the CPU instead.");
            }
        }
        try {
            return new OpenedSession(create(onnxFile, options, false), CPU);
        } catch (OrtException e) {
            throw QuerentException.model(onnxFile + " is not a valid ONNX model: ONNX Runtime cannot load it ("
                    + ortReason(e.getMessage()) + "). Check that the file was copied whole and uses an opset"
                    + " ONNX Runtime 1.29 supports", e);
        }
    }

    /** ONNX Runtime's message without the C++ function signature it starts with. */
    static String ortReason(String message) {
        String line = firstLine(message);
        int at = line.lastIndexOf("] ");
        line = at >= 0 ? line.substring(at + 2) : line;
        line = line.replaceFirst("^Error code - \\S+ - message: ", "").replaceFirst("^Load model from .* failed:", "");
        line = line.replaceAll("\\S+\\([^)]*\\)\\s*\\S*\\s*", "").strip();
        return line.isEmpty() ? "unreadable model" : line;
    }

    private static OrtSession create(Path onnxFile, RuntimeOptions options, boolean cuda) throws OrtException {
        try (OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions()) {
            sessionOptions.setIntraOpNumThreads(options.intraOpThreads());
            sessionOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (!Boolean.getBoolean("querent.ort.spin")) {
                // Spinning worker threads burn the cores that tokenising/decoding (and the UI) need meanwhile.
                sessionOptions.addConfigEntry("session.intra_op.allow_spinning", "0");
            }
            if (cuda) {
                sessionOptions.addCUDA(0);
            }
            return Runtimes.environment().createSession(onnxFile.toString(), sessionOptions);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
