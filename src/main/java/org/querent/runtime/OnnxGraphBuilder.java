package org.querent.runtime;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;

/**
 * Writes small ONNX graphs from Java with the ONNX protobuf classes (Tribuo's ONNXOperators has no MatMul and
 * no Transpose, so nodes are raw {@link NodeProto}s). Dimensions given as -1 are free (symbolic); axis 0 is named "N".
 */
public final class OnnxGraphBuilder {
    /** Opset 13: Gemm's bias is optional, all operators used here are stable since. */
    private static final int OPSET = 13;
    private static final long IR_VERSION = 8;

    private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
    private int nodeCount;

    public OnnxGraphBuilder(String graphName) {
        graph.setName(graphName);
    }

    public OnnxGraphBuilder input(String name, TensorProto.DataType type, long... dims) {
        graph.addInput(valueInfo(name, type, dims));
        return this;
    }

    public OnnxGraphBuilder output(String name, TensorProto.DataType type, long... dims) {
        graph.addOutput(valueInfo(name, type, dims));
        return this;
    }

    /** A constant float tensor, row-major. */
    public OnnxGraphBuilder floats(String name, float[] values, long... dims) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber());
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        for (float value : values) {
            tensor.addFloatData(value);
        }
        graph.addInitializer(tensor);
        return this;
    }

    /** A constant int64 tensor (shapes, Slice bounds, axes). */
    public OnnxGraphBuilder longs(String name, long[] values, long... dims) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64.getNumber());
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        for (long value : values) {
            tensor.addInt64Data(value);
        }
        graph.addInitializer(tensor);
        return this;
    }

    /** Adds a node; attributes are given as {@code name, value} pairs (Long, Float or long[]). */
    public OnnxGraphBuilder node(String opType, String[] inputs, String[] outputs, Object... attributes) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(opType).setName(opType + "_" + nodeCount++);
        for (String input : inputs) {
            node.addInput(input);
        }
        for (String output : outputs) {
            node.addOutput(output);
        }
        for (int i = 0; i < attributes.length; i += 2) {
            node.addAttribute(attribute((String) attributes[i], attributes[i + 1]));
        }
        graph.addNode(node);
        return this;
    }

    public byte[] toBytes() {
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("querent")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph)
                .build().toByteArray();
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, toBytes());
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.STORAGE, "cannot write ONNX model " + file + ": " + e.getMessage(), e);
        }
    }

    private static AttributeProto attribute(String name, Object value) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name);
        if (value instanceof Long l) {
            attribute.setType(AttributeProto.AttributeType.INT).setI(l);
        } else if (value instanceof Integer i) {
            attribute.setType(AttributeProto.AttributeType.INT).setI(i);
        } else if (value instanceof Float f) {
            attribute.setType(AttributeProto.AttributeType.FLOAT).setF(f);
        } else if (value instanceof long[] list) {
            attribute.setType(AttributeProto.AttributeType.INTS);
            for (long l : list) {
                attribute.addInts(l);
            }
        } else {
            throw new IllegalArgumentException("unsupported attribute value for " + name + ": " + value);
        }
        return attribute.build();
    }

    private static ValueInfoProto valueInfo(String name, TensorProto.DataType type, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (int axis = 0; axis < dims.length; axis++) {
            // free dimensions get distinct names: one shared name would tell ORT they are equal
            String free = axis == 0 ? "N" : name + "_" + axis;
            shape.addDim(dims[axis] < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam(free)
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(dims[axis]));
        }
        TypeProto.Tensor.Builder tensor = TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape);
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(tensor)).build();
    }
}
