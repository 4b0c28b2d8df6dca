package org.querent.ui.start;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.querent.common.QuerentException;
import org.querent.runtime.ManifestValidator;
import org.querent.runtime.ModelManifest;
import org.querent.runtime.ModelManifest.Activation;
import org.querent.runtime.ModelManifest.AudioForm;
import org.querent.runtime.ModelManifest.AudioSpec;
import org.querent.runtime.ModelManifest.Longer;
import org.querent.runtime.ModelManifest.Shorter;
import org.querent.runtime.ModelManifest.ClassesSpec;
import org.querent.runtime.ModelManifest.EmbeddingSpec;
import org.querent.runtime.ModelManifest.ImageSpec;
import org.querent.runtime.ModelManifest.InputKind;
import org.querent.runtime.ModelManifest.Layout;
import org.querent.runtime.ModelManifest.Pooling;
import org.querent.runtime.ModelManifest.TextSpec;
import org.querent.runtime.ModelSignature;
import org.querent.runtime.TensorSpec;
import org.querent.session.setup.ModelFiles;
import org.querent.session.setup.ModelInspection;

/**
 * The form that writes a model.json for an ONNX file that has none. Every field is checked as the user types,
 * then the whole manifest is checked against the ONNX signature with {@link ManifestValidator}, so a model that
 * would fail at scoring time is caught here. Checks are pure computation, fine on the FX thread.
 */
final class ManifestFormModel {
    private final StringProperty name = text("name", "");
    private final ObjectProperty<InputKind> inputKind = new SimpleObjectProperty<>(this, "inputKind", InputKind.IMAGE);
    private final StringProperty tokenizer = text("tokenizer", "tokenizer.json");
    private final StringProperty maxTokens = text("maxTokens", Integer.toString(ModelManifest.DEFAULT_MAX_TOKENS));
    private final StringProperty width = text("width", "224");
    private final StringProperty height = text("height", "224");
    private final StringProperty channels = text("channels", "3");
    private final ObjectProperty<Layout> layout = new SimpleObjectProperty<>(this, "layout", Layout.NCHW);
    private final StringProperty scale = text("scale", "255");
    private final StringProperty mean = text("mean", "0, 0, 0");
    private final StringProperty std = text("std", "1, 1, 1");
    private final ObservableList<String> outputs = FXCollections.observableArrayList();
    private final ObjectProperty<String> embeddingOutput = new SimpleObjectProperty<>(this, "embeddingOutput");
    private final ObjectProperty<Pooling> pooling = new SimpleObjectProperty<>(this, "pooling", Pooling.NONE);
    private final BooleanProperty normalize = new SimpleBooleanProperty(this, "normalize", true);
    private final BooleanProperty withClasses = new SimpleBooleanProperty(this, "withClasses", false);
    private final ObjectProperty<String> classOutput = new SimpleObjectProperty<>(this, "classOutput");
    private final ObjectProperty<Activation> activation = new SimpleObjectProperty<>(this, "activation",
            Activation.SOFTMAX);
    private final StringProperty classLabels = text("classLabels", "");
    // Audio: the defaults model.json reads when a key is left out (16 kHz is the common waveform rate).
    private final StringProperty sampleRate = text("sampleRate", "16000");
    private final StringProperty audioChannels = text("audioChannels", "1");
    private final StringProperty clipSeconds = text("clipSeconds", "10");
    private final ObjectProperty<Longer> longer = new SimpleObjectProperty<>(this, "longer", Longer.CENTRE_CROP);
    private final ObjectProperty<Shorter> shorter = new SimpleObjectProperty<>(this, "shorter", Shorter.PAD);
    private final ObjectProperty<AudioForm> audioForm = new SimpleObjectProperty<>(this, "audioForm", AudioForm.WAVEFORM);
    private final StringProperty melBins = text("melBins", "64");
    private final StringProperty windowMs = text("windowMs", "25");
    private final StringProperty hopMs = text("hopMs", "10");

    private final Map<ManifestField, ReadOnlyStringWrapper> errors = new EnumMap<>(ManifestField.class);
    private final ReadOnlyStringWrapper signatureError = new ReadOnlyStringWrapper(this, "signatureError");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", false);

    private ModelSignature signature;
    private String onnxFileName = "model.onnx";
    private Set<String> siblings = Set.of();
    private ModelManifest built;

    ManifestFormModel() {
        for (ManifestField field : ManifestField.values()) {
            errors.put(field, new ReadOnlyStringWrapper(this, field.name()));
        }
        for (Observable input : List.of(name, inputKind, tokenizer, maxTokens, width, height, channels, layout, scale,
                mean, std, embeddingOutput, pooling, normalize, withClasses, classOutput, activation, classLabels,
                sampleRate, audioChannels, clipSeconds, longer, shorter, audioForm, melBins, windowMs, hopMs)) {
            input.addListener(o -> validate());
        }
        validate();
    }

    // ---- properties (the view binds these bidirectionally)

    StringProperty nameProperty() { return name; }
    ObjectProperty<InputKind> inputKindProperty() { return inputKind; }
    StringProperty tokenizerProperty() { return tokenizer; }
    StringProperty maxTokensProperty() { return maxTokens; }
    StringProperty widthProperty() { return width; }
    StringProperty heightProperty() { return height; }
    StringProperty channelsProperty() { return channels; }
    ObjectProperty<Layout> layoutProperty() { return layout; }
    StringProperty scaleProperty() { return scale; }
    StringProperty meanProperty() { return mean; }
    StringProperty stdProperty() { return std; }
    ObservableList<String> outputs() { return outputs; }
    ObjectProperty<String> embeddingOutputProperty() { return embeddingOutput; }
    ObjectProperty<Pooling> poolingProperty() { return pooling; }
    BooleanProperty normalizeProperty() { return normalize; }
    BooleanProperty withClassesProperty() { return withClasses; }
    ObjectProperty<String> classOutputProperty() { return classOutput; }
    ObjectProperty<Activation> activationProperty() { return activation; }
    StringProperty classLabelsProperty() { return classLabels; }
    StringProperty sampleRateProperty() { return sampleRate; }
    StringProperty audioChannelsProperty() { return audioChannels; }
    StringProperty clipSecondsProperty() { return clipSeconds; }
    ObjectProperty<Longer> longerProperty() { return longer; }
    ObjectProperty<Shorter> shorterProperty() { return shorter; }
    ObjectProperty<AudioForm> audioFormProperty() { return audioForm; }
    StringProperty melBinsProperty() { return melBins; }
    StringProperty windowMsProperty() { return windowMs; }
    StringProperty hopMsProperty() { return hopMs; }

    /** The red message of one field, or null when it is fine. */
    ReadOnlyStringProperty errorProperty(ManifestField field) {
        return errors.get(field).getReadOnlyProperty();
    }

    /** Why the manifest does not fit the ONNX file (from {@link ManifestValidator}), or null. */
    ReadOnlyStringProperty signatureErrorProperty() {
        return signatureError.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The manifest as typed, or null while the form is invalid. */
    ModelManifest manifest() {
        return valid.get() ? built : null;
    }

    // ---- commands

    /** Fills the form with what the signature suggests, so most models need only a glance. */
    void prefill(ModelInspection inspection) {
        signature = inspection.signature();
        onnxFileName = inspection.onnxFile().getFileName().toString();
        siblings = inspection.siblings();
        String stem = onnxFileName.replaceFirst("(?i)\\.onnx$", "");
        name.set(stem);
        outputs.setAll(signature.outputs().stream().map(TensorSpec::name).toList());
        boolean text = signature.input(ManifestValidator.INPUT_IDS).isPresent();
        TensorSpec only = signature.inputs().size() == 1 ? signature.inputs().get(0) : null;
        // One float input of rank 2 or 3 is a clip ([N, samples], [N, channels, samples] or [N, frames, mels]):
        // images are rank 4.
        boolean audio = !text && only != null && "float".equals(only.type()) && (only.rank() == 2 || only.rank() == 3);
        inputKind.set(text ? InputKind.TEXT : audio ? InputKind.AUDIO : InputKind.IMAGE);
        if (audio) {
            prefillAudio(only);
        } else if (!text && only != null) {
            prefillImage(only);
        }
        String first = outputs.isEmpty() ? null : outputs.get(0);
        embeddingOutput.set(first);
        TensorSpec firstSpec = first == null ? null : signature.output(first).orElse(null);
        pooling.set(firstSpec != null && firstSpec.rank() == 3 ? Pooling.MEAN : Pooling.NONE);
        classOutput.set(outputs.size() > 1 ? outputs.get(1) : first);
        withClasses.set(false);
        validate();
    }

    private void prefillImage(TensorSpec input) {
        if (input.rank() != 4) {
            return;
        }
        boolean nhwc = isChannelCount(input.dim(3)) && !isChannelCount(input.dim(1));
        layout.set(nhwc ? Layout.NHWC : Layout.NCHW);
        long c = nhwc ? input.dim(3) : input.dim(1);
        long h = nhwc ? input.dim(1) : input.dim(2);
        long w = nhwc ? input.dim(2) : input.dim(3);
        int ch = isChannelCount(c) ? (int) c : 3;
        channels.set(Integer.toString(ch));
        if (h > 0) {
            height.set(Long.toString(h));
        }
        if (w > 0) {
            width.set(Long.toString(w));
        }
        mean.set(String.join(", ", java.util.Collections.nCopies(ch, "0")));
        std.set(String.join(", ", java.util.Collections.nCopies(ch, "1")));
    }

    /** [N, S] and [N, C, S] with C of 1 or 2 read a waveform; [N, T, M] reads log-mel frames of M bins. */
    private void prefillAudio(TensorSpec input) {
        boolean logMel = input.rank() == 3 && !(input.dim(1) == 1 || input.dim(1) == 2);
        audioForm.set(logMel ? AudioForm.LOG_MEL : AudioForm.WAVEFORM);
        audioChannels.set(input.rank() == 3 && !logMel ? Long.toString(input.dim(1)) : "1");
        if (logMel && input.dim(2) > 0) {
            melBins.set(Long.toString(input.dim(2)));
        }
        long time = input.dim(logMel ? 1 : input.rank() - 1);
        Integer rate = NumberText.positiveInt(sampleRate.get());
        if (!logMel && time > 0 && rate != null) {
            // A fixed sample axis says the clip length at the rate (which the user may still change).
            clipSeconds.set(NumberText.plain(time / (double) rate));
        }
        shorter.set(time > 0 ? Shorter.PAD : Shorter.KEEP);
    }

    private static boolean isChannelCount(long dim) {
        return dim == 1 || dim == 3;
    }

    // ---- validation

    private void validate() {
        errors.values().forEach(e -> e.set(null));
        built = null;
        if (name.get().isBlank()) {
            fail(ManifestField.NAME, "Give the model a name.");
        }
        TextSpec textSpec = inputKind.get() == InputKind.TEXT ? textSpec() : null;
        ImageSpec imageSpec = inputKind.get() == InputKind.IMAGE ? imageSpec() : null;
        AudioSpec audioSpec = inputKind.get() == InputKind.AUDIO ? audioSpec() : null;
        if (embeddingOutput.get() == null) {
            fail(ManifestField.EMBEDDING_OUTPUT, "Choose the output that holds the embedding.");
        }
        ClassesSpec classes = withClasses.get() ? classesSpec() : null;
        boolean fieldsOk = errors.values().stream().allMatch(e -> e.get() == null);
        signatureError.set(null);
        if (fieldsOk) {
            ModelManifest manifest = new ModelManifest(name.get().strip(), onnxFileName, inputKind.get(), textSpec,
                    imageSpec, new EmbeddingSpec(embeddingOutput.get(), pooling.get(), normalize.get()), classes,
                    audioSpec);
            signatureError.set(signatureProblem(manifest));
            built = signatureError.get() == null ? manifest : null;
        }
        valid.set(built != null);
    }

    private String signatureProblem(ModelManifest manifest) {
        if (signature == null) {
            return "Choose an ONNX file first.";
        }
        return ModelFiles.manifestProblem(ModelManifest.FILE_NAME, onnxFileName, manifest, signature);
    }

    private TextSpec textSpec() {
        String tok = tokenizer.get().strip();
        if (tok.isEmpty()) {
            fail(ManifestField.TOKENIZER, "Name the tokenizer file (e.g. tokenizer.json).");
        } else if (!siblings.isEmpty() && !siblings.contains(tok)) {
            fail(ManifestField.TOKENIZER, "No " + tok + " beside " + onnxFileName + ".");
        }
        Integer tokens = NumberText.positiveInt(maxTokens.get());
        if (tokens == null) {
            fail(ManifestField.MAX_TOKENS, "A whole number above 0, e.g. 128.");
        }
        return tok.isEmpty() || tokens == null ? null : new TextSpec(tok, tokens);
    }

    private ImageSpec imageSpec() {
        Integer w = positive(ManifestField.WIDTH, width.get(), "Width in pixels, e.g. 224.");
        Integer h = positive(ManifestField.HEIGHT, height.get(), "Height in pixels, e.g. 224.");
        Integer c = NumberText.positiveInt(channels.get());
        if (c == null || c != 1 && c != 3) {
            fail(ManifestField.CHANNELS, "1 (grey) or 3 (RGB).");
            c = null;
        }
        Double s = NumberText.finite(scale.get());
        if (s == null || s <= 0) {
            fail(ManifestField.SCALE, "A number above 0: 255 maps pixels to 0..1, 1 keeps 0..255.");
            s = null;
        }
        List<Double> m = perChannel(ManifestField.MEAN, mean.get(), c, false);
        List<Double> sd = perChannel(ManifestField.STD, std.get(), c, true);
        if (w == null || h == null || c == null || s == null || m == null || sd == null) {
            return null;
        }
        return new ImageSpec(w, h, c, layout.get(), s, m, sd);
    }

    /** The checks model.json's reader makes, each on its own field, worded as what to type. */
    private AudioSpec audioSpec() {
        Integer rate = NumberText.positiveInt(sampleRate.get());
        if (rate == null || rate < 1000 || rate > 384_000) {
            fail(ManifestField.SAMPLE_RATE, "Samples per second, 1000 to 384000, e.g. 16000.");
            rate = null;
        }
        Integer ch = positive(ManifestField.AUDIO_CHANNELS, audioChannels.get(), "1 mixes to mono; more keeps the channels.");
        Double clip = NumberText.finite(clipSeconds.get());
        if (clip == null || clip <= 0) {
            fail(ManifestField.CLIP_SECONDS, "Seconds above 0, e.g. 10.");
            clip = null;
        } else if (rate != null && clip * rate > 50_000_000) {
            fail(ManifestField.CLIP_SECONDS, "Over 50 million samples at " + rate + " Hz: use shorter clips.");
            clip = null;
        }
        boolean logMel = audioForm.get() == AudioForm.LOG_MEL;
        Integer bins = 64;
        Double window = 25.0;
        Double hop = 10.0;
        if (logMel) {
            bins = positive(ManifestField.MEL_BINS, melBins.get(), "Mel bands, a whole number above 0, e.g. 64.");
            window = positiveNumber(ManifestField.WINDOW_MS, windowMs.get(), "Milliseconds above 0, e.g. 25.");
            hop = positiveNumber(ManifestField.HOP_MS, hopMs.get(), "Milliseconds above 0, e.g. 10.");
            if (bins != null && window != null && rate != null) {
                int fft = Math.max(2, Integer.highestOneBit((int) Math.round(window * rate / 1000) * 2 - 1));
                if (bins > fft / 2) {
                    fail(ManifestField.MEL_BINS, "A " + NumberText.plain(window) + " ms window at " + rate
                            + " Hz has " + fft / 2 + " frequency bins: use at most " + fft / 2
                            + " mel bins or a longer window.");
                    bins = null;
                }
            }
        }
        if (rate == null || ch == null || clip == null || bins == null || window == null || hop == null) {
            return null;
        }
        return new AudioSpec(rate, ch, clip, longer.get(), shorter.get(), audioForm.get(), bins, window, hop);
    }

    private Double positiveNumber(ManifestField field, String text, String message) {
        Double value = NumberText.finite(text);
        if (value == null || value <= 0) {
            fail(field, message);
            return null;
        }
        return value;
    }

    private List<Double> perChannel(ManifestField field, String text, Integer count, boolean nonZero) {
        List<Double> values = NumberText.list(text);
        String what = field.name().toLowerCase(Locale.ROOT);
        if (values == null) {
            fail(field, "Numbers separated by commas.");
            return null;
        }
        if (count != null && values.size() != count) {
            fail(field, "One " + what + " per channel: " + count + " number" + (count == 1 ? "" : "s")
                    + ", got " + values.size() + ".");
            return null;
        }
        if (nonZero && values.stream().anyMatch(v -> v == 0)) {
            fail(field, "A " + what + " of 0 would divide by zero.");
            return null;
        }
        return values;
    }

    private ClassesSpec classesSpec() {
        if (classOutput.get() == null) {
            fail(ManifestField.CLASS_OUTPUT, "Choose the output with one score per class.");
        }
        List<String> labels = NumberText.names(classLabels.get());
        if (labels.isEmpty()) {
            fail(ManifestField.CLASS_LABELS, "List the class names, in output order, separated by commas.");
        } else if (new HashSet<>(labels).size() != labels.size()) {
            fail(ManifestField.CLASS_LABELS, "Each class name once.");
        } else if (classOutput.get() != null && classOutput.get().equals(embeddingOutput.get())) {
            fail(ManifestField.CLASS_OUTPUT, "The class output must differ from the embedding output.");
        }
        return errors.get(ManifestField.CLASS_OUTPUT).get() == null
                && errors.get(ManifestField.CLASS_LABELS).get() == null
                ? new ClassesSpec(classOutput.get(), activation.get(), labels) : null;
    }

    private Integer positive(ManifestField field, String text, String message) {
        Integer value = NumberText.positiveInt(text);
        if (value == null) {
            fail(field, message);
        }
        return value;
    }

    private void fail(ManifestField field, String message) {
        if (errors.get(field).get() == null) {
            errors.get(field).set(message);
        }
    }

    private StringProperty text(String property, String initial) {
        return new SimpleStringProperty(this, property, initial);
    }
}
