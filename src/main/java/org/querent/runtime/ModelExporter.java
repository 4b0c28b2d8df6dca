package org.querent.runtime;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;
import org.querent.runtime.ModelLoader.ResolvedModel;
import org.querent.runtime.ModelManifest.Activation;
import org.querent.runtime.ModelManifest.ClassesSpec;
import org.querent.runtime.ModelManifest.EmbeddingSpec;
import org.querent.runtime.ModelManifest.ImageSpec;
import org.querent.runtime.ModelManifest.InputKind;
import org.querent.runtime.ModelManifest.Pooling;
import org.querent.runtime.ModelManifest.TextSpec;

/**
 * Writes a project's model as one self-contained ONNX graph: the backbone as it is, then appended nodes for what
 * Querent does in Java after inference (image scaling, pooling, L2 normalisation), the linear head, its calibration
 * temperature and softmax (or sigmoid). The graph has two outputs, {@value #EMBEDDING} (what Querent would store)
 * and {@value #PROBABILITIES}; the manifest beside it names the labels, so the folder is a Querent model that
 * pre-labels from its own classes.
 *
 * <p>Ops whose signature moved between opsets (ReduceSum's axes became an input in 13) are written for the
 * backbone's own opset; every other appended op has been stable since opset 9, so the backbone's opset is kept.
 */
public final class ModelExporter {
    public static final String EMBEDDING = "embedding";
    public static final String PROBABILITIES = "probabilities";
    private static final String PREFIX = "querent_";
    private static final int MIN_OPSET = 9;

    /**
     * The head to append, in its output order.
     *
     * @param weights     [classes][dimension]
     * @param bias        one per class
     * @param temperature logits are divided by it before softmax (1: uncalibrated; ignored for sigmoid)
     */
    public record HeadSpec(float[][] weights, double[] bias, double temperature, boolean multiLabel, List<String> labels) {
        public HeadSpec {
            labels = List.copyOf(labels);
            if (weights.length != bias.length || weights.length != labels.size()) {
                throw new IllegalArgumentException("head has " + weights.length + " weight rows, " + bias.length
                        + " biases and " + labels.size() + " labels");
            }
        }
    }

    /** What was written. */
    public record Exported(Path manifestFile, Path onnxFile, long onnxBytes, int opset) {
    }

    private final GraphProto.Builder graph;
    private final int opset;
    private int nodes;
    private final java.util.Map<String, String> renamed = new java.util.HashMap<>();

    private ModelExporter(GraphProto.Builder graph, int opset) {
        this.graph = graph;
        this.opset = opset;
    }

    /**
     * Writes {@code outDir/model.onnx}, {@code outDir/model.json} and, for text models, the tokenizer.
     *
     * @param source the project's model, as {@link ModelLoader#resolve} found it
     * @param name   display name of the exported model
     */
    public static Exported export(ResolvedModel source, HeadSpec head, String name, Path outDir) {
        ModelManifest manifest = source.manifest();
        ModelProto model = readModel(source.onnxFile());
        int opset = defaultOpset(model);
        if (opset < MIN_OPSET) {
            throw QuerentException.model(source.onnxFile().getFileName() + " uses ONNX opset " + opset
                    + "; exporting needs opset " + MIN_OPSET + " or newer (re-export the backbone with a newer opset)");
        }
        ModelExporter builder = new ModelExporter(model.getGraph().toBuilder(), opset);
        ImageSpec exportedImage = null;
        if (manifest.input() == InputKind.IMAGE) {
            builder.foldImageScaling(manifest.image());
            exportedImage = new ImageSpec(manifest.image().width(), manifest.image().height(), manifest.image().channels(),
                    manifest.image().layout(), 1.0, Collections.nCopies(manifest.image().channels(), 0.0),
                    Collections.nCopies(manifest.image().channels(), 1.0));
        }
        // the backbone may already name a tensor as the export's outputs are named (the PCA model's "embedding")
        builder.rename(EMBEDDING, PREFIX + "backbone_" + EMBEDDING);
        builder.rename(PROBABILITIES, PREFIX + "backbone_" + PROBABILITIES);
        String pooled = builder.pool(manifest);
        String embedding = manifest.embedding().normalize() ? builder.l2Normalize(pooled) : pooled;
        builder.identity(builder.storedPrecision(embedding), EMBEDDING);
        builder.head(EMBEDDING, head, PROBABILITIES);
        builder.graph.clearOutput();
        builder.graph.addOutput(valueInfo(EMBEDDING, head.weights()[0].length));
        builder.graph.addOutput(valueInfo(PROBABILITIES, head.labels().size()));

        ModelProto exported = model.toBuilder().setGraph(builder.graph)
                .setProducerName("querent").setDocString("Querent export: " + name).build();
        try {
            Files.createDirectories(outDir);
            Path onnx = outDir.resolve("model.onnx");
            writeAtomically(onnx, exported);
            TextSpec text = null;
            if (manifest.input() == InputKind.TEXT) {
                Path tokenizer = outDir.resolve("tokenizer.json");
                Files.copy(manifest.tokenizerPath(source.folder()), tokenizer, StandardCopyOption.REPLACE_EXISTING);
                text = new TextSpec("tokenizer.json", manifest.text().maxTokens());
            }
            // The graph pools and normalises: what it returns is the embedding as Querent stores it.
            ModelManifest out = new ModelManifest(name, "model.onnx", manifest.input(), text, exportedImage,
                    new EmbeddingSpec(EMBEDDING, Pooling.NONE, false),
                    new ClassesSpec(PROBABILITIES, Activation.NONE, head.labels()), manifest.audio());
            Path manifestFile = outDir.resolve(ModelManifest.FILE_NAME);
            out.write(manifestFile);
            return new Exported(manifestFile, onnx, Files.size(onnx), opset);
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.STORAGE, "cannot write the exported model to " + outDir + ": "
                    + e.getMessage() + " (check the folder is writable and the disk has space)", e);
        }
    }

    private static void writeAtomically(Path file, ModelProto model) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".part");
        try {
            Files.write(temp, model.toByteArray());
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static ModelProto readModel(Path onnx) {
        try (InputStream in = Files.newInputStream(onnx)) {
            return ModelProto.parseFrom(in);
        } catch (IOException e) {
            throw QuerentException.model("cannot read the ONNX model " + onnx + ": " + e.getMessage(), e);
        }
    }

    private static int defaultOpset(ModelProto model) {
        for (OnnxMl.OperatorSetIdProto id : model.getOpsetImportList()) {
            if (id.getDomain().isEmpty() || id.getDomain().equals("ai.onnx")) {
                return (int) id.getVersion();
            }
        }
        return 1;
    }

    /**
     * Querent computes {@code (pixel / scale - mean[c]) / std[c]} in Java; the export takes pixels 0..255 and does
     * it in the graph, so its manifest says scale 1, mean 0, std 1.
     */
    private void foldImageScaling(ImageSpec image) {
        String input = graph.getInput(0).getName();
        for (OnnxMl.ValueInfoProto in : graph.getInputList()) {
            if (graph.getInitializerList().stream().noneMatch(t -> t.getName().equals(in.getName()))) {
                input = in.getName();
                break;
            }
        }
        String scaled = PREFIX + "scaled_pixels";
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeProto.Builder node = graph.getNodeBuilder(i);
            for (int k = 0; k < node.getInputCount(); k++) {
                if (node.getInput(k).equals(input)) {
                    node.setInput(k, scaled);
                }
            }
        }
        int c = image.channels();
        long[] dims = image.layout() == ModelManifest.Layout.NCHW ? new long[] {c, 1, 1} : new long[] {c};
        float[] mean = new float[c];
        float[] std = new float[c];
        for (int k = 0; k < c; k++) {
            mean[k] = image.mean().get(k).floatValue();
            std[k] = image.std().get(k).floatValue();
        }
        String scale = floats("pixel_scale", new float[] {(float) image.scale()});
        String meanName = floats("pixel_mean", mean, dims);
        String stdName = floats("pixel_std", std, dims);
        // prepended: the backbone's first node must see the scaled pixels, and ONNX wants nodes in topological order
        List<NodeProto> scaling = List.of(
                node("Div", List.of(input, scale), PREFIX + "unit_pixels"),
                node("Sub", List.of(PREFIX + "unit_pixels", meanName), PREFIX + "centred_pixels"),
                node("Div", List.of(PREFIX + "centred_pixels", stdName), scaled));
        List<NodeProto> all = new ArrayList<>(scaling);
        all.addAll(graph.getNodeList());
        graph.clearNode().addAllNode(all);
    }

    /** Renames a tensor of the backbone wherever it is produced, read or declared. */
    private void rename(String from, String to) {
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeProto.Builder node = graph.getNodeBuilder(i);
            for (int k = 0; k < node.getInputCount(); k++) {
                if (node.getInput(k).equals(from)) {
                    node.setInput(k, to);
                }
            }
            for (int k = 0; k < node.getOutputCount(); k++) {
                if (node.getOutput(k).equals(from)) {
                    node.setOutput(k, to);
                }
            }
        }
        for (int i = 0; i < graph.getOutputCount(); i++) {
            if (graph.getOutput(i).getName().equals(from)) {
                graph.setOutput(i, graph.getOutput(i).toBuilder().setName(to));
            }
        }
        for (int i = 0; i < graph.getValueInfoCount(); i++) {
            if (graph.getValueInfo(i).getName().equals(from)) {
                graph.setValueInfo(i, graph.getValueInfo(i).toBuilder().setName(to));
            }
        }
        renamed.put(from, to);
    }

    /** Appends the pooling the manifest asks for; returns the [N, D] tensor's name. */
    private String pool(ModelManifest manifest) {
        EmbeddingSpec spec = manifest.embedding();
        String out = renamed.getOrDefault(spec.output(), spec.output());
        int rank = outputRank(out);
        switch (spec.pooling()) {
            case NONE -> {
                return add("Flatten", List.of(out), "flat", attribute("axis", 1));
            }
            case CLS -> {
                String index = longScalar("cls_index", 0);
                return add("Gather", List.of(out, index), "cls", attribute("axis", 1));
            }
            default -> {
                if (manifest.input() == InputKind.TEXT) {
                    return maskedMean(out);
                }
                if (rank == 4) {
                    String pooled = add("GlobalAveragePool", List.of(out), "spatial_mean");
                    return add("Flatten", List.of(pooled), "flat", attribute("axis", 1));
                }
                return reduce("ReduceMean", out, 1, false, "position_mean");
            }
        }
    }

    /** Sum of the hidden states the attention mask marks, over their count (at least 1), as Querent's Java does. */
    private String maskedMean(String hidden) {
        String mask = add("Cast", List.of(ManifestValidator.ATTENTION_MASK), "mask",
                attribute("to", TensorProto.DataType.FLOAT.getNumber()));
        String rowShape = longs("mask_row_shape", 0, 1, -1);
        String maskRows = add("Reshape", List.of(mask, rowShape), "mask_rows");
        String summed = add("MatMul", List.of(maskRows, hidden), "masked_sum");
        String flatShape = longs("flat_shape", 0, -1);
        String sum = add("Reshape", List.of(summed, flatShape), "masked_sum_flat");
        String count = reduce("ReduceSum", mask, 1, true, "token_count");
        String atLeastOne = add("Max", List.of(count, floats("one", new float[] {1f})), "token_count_safe");
        return add("Div", List.of(sum, atLeastOne), "mean_pooled");
    }

    /** x / max(|x|, tiny): a zero vector stays zero, as in Java. */
    private String l2Normalize(String x) {
        String squares = add("Mul", List.of(x, x), "squares");
        String sum = reduce("ReduceSum", squares, 1, true, "square_sum");
        String norm = add("Sqrt", List.of(sum), "norm");
        String safe = add("Max", List.of(norm, floats("tiny", new float[] {1e-30f})), "norm_safe");
        return add("Div", List.of(x, safe), "normalised");
    }

    /**
     * Querent stores embeddings as float16 (ADR 0017) and trains and predicts on the stored vectors, so the export
     * rounds the vector the same way (Cast to float16 rounds to nearest even, as {@code store.Vectors.toHalf} does)
     * and computes the probabilities Querent computes, not those of the unrounded vector (ADR 0019).
     */
    private String storedPrecision(String x) {
        String half = add("Cast", List.of(x), "embedding_float16", attribute("to", TensorProto.DataType.FLOAT16.getNumber()));
        return add("Cast", List.of(half), "embedding_stored", attribute("to", TensorProto.DataType.FLOAT.getNumber()));
    }

    private void head(String embedding, HeadSpec head, String output) {
        int classes = head.weights().length;
        int dimension = head.weights()[0].length;
        float[] w = new float[classes * dimension];
        float[] b = new float[classes];
        for (int c = 0; c < classes; c++) {
            System.arraycopy(head.weights()[c], 0, w, c * dimension, dimension);
            b[c] = (float) head.bias()[c];
        }
        String logits = add("Gemm", List.of(embedding, floats("head_weights", w, classes, dimension),
                floats("head_bias", b, classes)), "logits", attribute("transB", 1));
        if (head.multiLabel()) {
            graph.addNode(node("Sigmoid", List.of(logits), output));
            return;
        }
        if (head.temperature() != 1.0) {
            logits = add("Div", List.of(logits, floats("temperature", new float[] {(float) head.temperature()})),
                    "calibrated_logits");
        }
        graph.addNode(node("Softmax", List.of(logits), output, attribute("axis", 1)));
    }

    private void identity(String from, String to) {
        graph.addNode(node("Identity", List.of(from), to));
    }

    /** ReduceSum takes its axes as an input from opset 13, ReduceMean from 18; before, as an attribute. */
    private String reduce(String op, String input, long axis, boolean keepDims, String name) {
        int axesAsInput = op.equals("ReduceSum") ? 13 : 18;
        AttributeProto keep = attribute("keepdims", keepDims ? 1 : 0);
        if (opset >= axesAsInput) {
            return add(op, List.of(input, longs(name + "_axes", axis)), name, keep);
        }
        AttributeProto axes = AttributeProto.newBuilder().setName("axes").setType(AttributeProto.AttributeType.INTS)
                .addInts(axis).build();
        return add(op, List.of(input), name, keep, axes);
    }

    private int outputRank(String name) {
        for (ValueInfoProto out : graph.getOutputList()) {
            if (out.getName().equals(name) && out.getType().hasTensorType() && out.getType().getTensorType().hasShape()) {
                return out.getType().getTensorType().getShape().getDimCount();
            }
        }
        return -1;
    }

    private String add(String op, List<String> inputs, String output, AttributeProto... attributes) {
        String name = PREFIX + output;
        graph.addNode(node(op, inputs, name, attributes));
        return name;
    }

    private NodeProto node(String op, List<String> inputs, String output, AttributeProto... attributes) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(PREFIX + op + "_" + nodes++)
                .addAllInput(inputs).addOutput(output);
        for (AttributeProto a : attributes) {
            node.addAttribute(a);
        }
        return node.build();
    }

    private String floats(String name, float[] values, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(PREFIX + name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber());
        for (long d : dims.length == 0 && values.length != 1 ? new long[] {values.length} : dims) {
            t.addDims(d);
        }
        for (float v : values) {
            t.addFloatData(v);
        }
        graph.addInitializer(t);
        return PREFIX + name;
    }

    private String longs(String name, long... values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(PREFIX + name)
                .setDataType(TensorProto.DataType.INT64.getNumber()).addDims(values.length);
        for (long v : values) {
            t.addInt64Data(v);
        }
        graph.addInitializer(t);
        return PREFIX + name;
    }

    private String longScalar(String name, long value) {
        graph.addInitializer(TensorProto.newBuilder().setName(PREFIX + name)
                .setDataType(TensorProto.DataType.INT64.getNumber()).addInt64Data(value));
        return PREFIX + name;
    }

    private static AttributeProto attribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    private static ValueInfoProto valueInfo(String name, long width) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width)).build();
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }
}
