package org.querent.runtime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.querent.common.QuerentException;

/** Describes the inputs and outputs of an ONNX model, e.g. for a "write your model.json" hint or the validator. */
public final class ModelInspector {
    private static final String ELEMENT_TYPE_PREFIX = "ONNX_TENSOR_ELEMENT_DATA_TYPE_";

    private ModelInspector() {
    }

    /** Opens {@code onnxFile} on the CPU just long enough to read its signature. */
    public static ModelSignature inspect(Path onnxFile) {
        RuntimeOptions cpuOnly = new RuntimeOptions(false, 1, RuntimeListener.LOG);
        try (OnnxSessions.OpenedSession opened = OnnxSessions.open(onnxFile, cpuOnly)) {
            return inspect(opened.session());
        }
    }

    /** The signature of an open session. */
    public static ModelSignature inspect(OrtSession session) {
        try {
            return new ModelSignature(describe(session.getInputInfo()), describe(session.getOutputInfo()));
        } catch (OrtException e) {
            throw QuerentException.model("cannot read the inputs and outputs of the ONNX model: " + e.getMessage(), e);
        }
    }

    private static List<TensorSpec> describe(Map<String, NodeInfo> nodes) {
        List<TensorSpec> specs = new ArrayList<>();
        for (NodeInfo node : nodes.values()) {
            specs.add(describe(node.getName(), node.getInfo()));
        }
        return specs;
    }

    private static TensorSpec describe(String name, ValueInfo info) {
        if (info instanceof TensorInfo tensor) {
            List<Long> shape = new ArrayList<>();
            for (long dim : tensor.getShape()) {
                shape.add(dim);
            }
            String type = tensor.onnxType.name().replace(ELEMENT_TYPE_PREFIX, "").toLowerCase(Locale.ROOT);
            return new TensorSpec(name, type, shape);
        }
        String kind = info.getClass().getSimpleName().replace("Info", "").toLowerCase(Locale.ROOT);
        return new TensorSpec(name, kind, List.of());
    }
}
