package org.querent.runtime;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The inputs and outputs of an ONNX model, as plain values. */
public record ModelSignature(List<TensorSpec> inputs, List<TensorSpec> outputs) {
    public ModelSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public Optional<TensorSpec> input(String name) {
        return inputs.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<TensorSpec> output(String name) {
        return outputs.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public String inputNames() {
        return inputs.stream().map(TensorSpec::name).collect(Collectors.joining(", "));
    }

    public String outputNames() {
        return outputs.stream().map(TensorSpec::name).collect(Collectors.joining(", "));
    }

    /** Two lines a user can read to write a model.json: "inputs: ...", "outputs: ...". */
    public String describe() {
        return "inputs: " + inputs.stream().map(TensorSpec::describe).collect(Collectors.joining("; "))
                + System.lineSeparator()
                + "outputs: " + outputs.stream().map(TensorSpec::describe).collect(Collectors.joining("; "));
    }
}
