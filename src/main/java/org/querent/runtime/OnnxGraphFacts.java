package org.querent.runtime;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about an ONNX graph that ONNX Runtime's session API does not expose. */
final class OnnxGraphFacts {
    private OnnxGraphFacts() {
    }

    /**
     * True when the graph quantises activations with one scale per tensor (DynamicQuantizeLinear). Such a scale is
     * computed over the whole batch, so an item's embedding would depend on which other items share its batch
     * (measured on int8 MiniLM: cosine 0.985 between the same text alone and batched with a longer one).
     */
    static boolean usesDynamicQuantization(Path onnxFile) {
        try (InputStream in = Files.newInputStream(onnxFile)) {
            OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(in);
            return model.getGraph().getNodeList().stream()
                    .anyMatch(node -> node.getOpType().equals("DynamicQuantizeLinear"));
        } catch (IOException e) {
            return false; // the session will report an unreadable file with a better message
        }
    }
}
