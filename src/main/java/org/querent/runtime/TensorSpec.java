package org.querent.runtime;

import java.util.List;

/**
 * One input or output of an ONNX model.
 *
 * @param name  tensor name in the graph
 * @param type  element type, e.g. "float", "int64"; or "map"/"sequence" for non-tensor values
 * @param shape dimensions, -1 where the size is free (batch, sequence length)
 */
public record TensorSpec(String name, String type, List<Long> shape) {
    public TensorSpec {
        shape = List.copyOf(shape);
    }

    public int rank() {
        return shape.size();
    }

    /** Size of dimension {@code axis}, or -1 when it is free. */
    public long dim(int axis) {
        return shape.get(axis);
    }

    /** "[-1, 1, 28, 28]". */
    public String shapeText() {
        return shape.toString();
    }

    /** "pixels float [-1, 1, 28, 28]". */
    public String describe() {
        return name + " " + type + " " + shapeText();
    }
}
