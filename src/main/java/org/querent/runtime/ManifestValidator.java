package org.querent.runtime;

import java.util.List;
import org.querent.common.QuerentException;
import org.querent.runtime.ModelManifest.ImageSpec;
import org.querent.runtime.ModelManifest.Layout;
import org.querent.runtime.ModelManifest.Pooling;

/**
 * Checks a manifest against the ONNX model it describes, before any item is run, so that a mismatch is one
 * clear message naming both sides instead of a native error deep inside a batch.
 */
public final class ManifestValidator {
    /** Inputs a text encoder must have. */
    public static final String INPUT_IDS = "input_ids";
    public static final String ATTENTION_MASK = "attention_mask";
    /** Optional text input; fed with zeros (single-segment input). */
    public static final String TOKEN_TYPE_IDS = "token_type_ids";

    private final String manifestName;
    private final String onnxName;

    /**
     * @param manifestName how messages name the manifest, e.g. "model.json"
     * @param onnxName     how messages name the ONNX file, e.g. "model.onnx"
     */
    public ManifestValidator(String manifestName, String onnxName) {
        this.manifestName = manifestName;
        this.onnxName = onnxName;
    }

    /** Throws a {@link QuerentException} of kind MODEL at the first disagreement. */
    public void validate(ModelManifest manifest, ModelSignature signature) {
        switch (manifest.input()) {
            case TEXT -> checkTextInputs(signature);
            case IMAGE -> checkImageInput(manifest.image(), signature);
            case AUDIO -> checkAudioInput(manifest.audio(), signature);
        }
        checkEmbeddingOutput(manifest, signature);
        if (manifest.classes() != null) {
            checkClassOutput(manifest.classes(), signature);
        }
    }

    private void checkTextInputs(ModelSignature signature) {
        for (String required : List.of(INPUT_IDS, ATTENTION_MASK)) {
            if (signature.input(required).isEmpty()) {
                throw fail(manifestName + " says the model reads text, but " + onnxName + " has no '" + required
                        + "' input (its inputs are: " + signature.inputNames() + ")");
            }
        }
        for (TensorSpec input : signature.inputs()) {
            boolean known = List.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS).contains(input.name());
            if (!known) {
                throw fail(onnxName + " has input '" + input.name() + "' which a text model cannot feed; "
                        + manifestName + " says text, so only " + INPUT_IDS + ", " + ATTENTION_MASK + " and "
                        + TOKEN_TYPE_IDS + " are supported");
            }
            if (!input.type().equals("int64")) {
                throw fail(onnxName + " input '" + input.name() + "' is " + input.type()
                        + " but text models are fed int64 token ids; re-export the model with int64 inputs");
            }
        }
    }

    private void checkImageInput(ImageSpec image, ModelSignature signature) {
        if (signature.inputs().size() != 1) {
            throw fail(manifestName + " says the model reads one image, but " + onnxName + " has "
                    + signature.inputs().size() + " inputs: " + signature.inputNames());
        }
        TensorSpec input = signature.inputs().get(0);
        if (!input.type().equals("float")) {
            throw fail(manifestName + " says image (fed as float) but " + onnxName + " input '" + input.name()
                    + "' is " + input.type());
        }
        long[] expected = image.layout() == Layout.NCHW
                ? new long[] {-1, image.channels(), image.height(), image.width()}
                : new long[] {-1, image.height(), image.width(), image.channels()};
        boolean matches = input.rank() == 4;
        for (int axis = 1; matches && axis < 4; axis++) {
            long actual = input.dim(axis);
            matches = actual <= 0 || actual == expected[axis];
        }
        if (!matches) {
            throw fail(manifestName + " says image " + image.describe() + " but " + onnxName + " input '"
                    + input.name() + "' is " + input.shapeText());
        }
    }

    /**
     * Waveform: [N, samples] or [N, channels, samples]; log-mel: [N, frames, melBins] or [N, channels, frames,
     * melBins]. A fixed time axis must equal the clip length (padded or cropped); "shorter": "keep" needs it free.
     */
    private void checkAudioInput(ModelManifest.AudioSpec audio, ModelSignature signature) {
        if (signature.inputs().size() != 1) {
            throw fail(manifestName + " says the model reads one audio clip, but " + onnxName + " has "
                    + signature.inputs().size() + " inputs: " + signature.inputNames());
        }
        TensorSpec input = signature.inputs().get(0);
        if (!input.type().equals("float")) {
            throw fail(manifestName + " says audio (fed as float) but " + onnxName + " input '" + input.name()
                    + "' is " + input.type());
        }
        boolean waveform = audio.form() == ModelManifest.AudioForm.WAVEFORM;
        int plainRank = waveform ? 2 : 3;
        String expected = waveform ? "[batch, samples] or [batch, channels, samples]"
                : "[batch, frames, melBins] or [batch, channels, frames, melBins]";
        if (input.rank() != plainRank && input.rank() != plainRank + 1) {
            throw fail(manifestName + " says audio " + audio.describe() + ", fed as " + expected + ", but "
                    + onnxName + " input '" + input.name() + "' is " + input.shapeText());
        }
        boolean channelAxis = input.rank() == plainRank + 1;
        if (!channelAxis && audio.channels() != 1) {
            throw fail(manifestName + " says " + audio.channels() + " channels but " + onnxName + " input '"
                    + input.name() + "' " + input.shapeText() + " has no channel axis; use \"channels\": 1");
        }
        if (channelAxis && input.dim(1) > 0 && input.dim(1) != audio.channels()) {
            throw fail(manifestName + " says " + audio.channels() + " channel(s) but " + onnxName + " input '"
                    + input.name() + "' is " + input.shapeText());
        }
        int timeAxis = channelAxis ? 2 : 1;
        long time = input.dim(timeAxis);
        long clipTime = waveform ? audio.clipSamples()
                : org.querent.common.audio.Spectra.frames(audio.clipSamples(), audio.windowSamples(), audio.hopSamples());
        String unit = waveform ? "samples" : "frames";
        if (audio.shorter() == ModelManifest.Shorter.KEEP && time > 0) {
            throw fail(manifestName + " says \"shorter\": \"keep\" (clips at their own length) but " + onnxName
                    + " input '" + input.name() + "' has a fixed " + time + " " + unit + " (" + input.shapeText()
                    + "); use \"shorter\": \"pad\"");
        }
        if (time > 0 && time != clipTime) {
            throw fail(manifestName + " says " + audio.clipSeconds() + " s at " + audio.sampleRate() + " Hz, i.e. "
                    + clipTime + " " + unit + ", but " + onnxName + " input '" + input.name() + "' is "
                    + input.shapeText() + "; set clipSeconds to match or re-export the model");
        }
        if (!waveform) {
            long bins = input.dim(timeAxis + 1);
            if (bins > 0 && bins != audio.melBins()) {
                throw fail(manifestName + " says " + audio.melBins() + " mel bins but " + onnxName + " input '"
                        + input.name() + "' is " + input.shapeText());
            }
        }
    }

    private void checkEmbeddingOutput(ModelManifest manifest, ModelSignature signature) {
        String name = manifest.embedding().output();
        TensorSpec output = signature.output(name).orElseThrow(() -> fail(manifestName + " says embedding output '"
                + name + "' but " + onnxName + " has outputs: " + signature.outputNames()));
        Pooling pooling = manifest.embedding().pooling();
        boolean knownRank = output.rank() > 0;
        if (knownRank && pooling == Pooling.CLS && output.rank() != 3) {
            throw fail(manifestName + " says pooling \"cls\" (needs [batch, tokens, hidden]) but " + onnxName
                    + " output '" + name + "' is " + output.shapeText());
        }
        if (knownRank && pooling == Pooling.MEAN && output.rank() < 3) {
            throw fail(manifestName + " says pooling \"mean\" (needs [batch, positions, ...]) but " + onnxName
                    + " output '" + name + "' is " + output.shapeText() + "; use pooling \"none\"");
        }
    }

    private void checkClassOutput(ModelManifest.ClassesSpec classes, ModelSignature signature) {
        TensorSpec output = signature.output(classes.output()).orElseThrow(() -> fail(manifestName
                + " says class output '" + classes.output() + "' but " + onnxName + " has outputs: "
                + signature.outputNames()));
        if (output.rank() > 0 && output.rank() != 2) {
            throw fail(manifestName + " says class output '" + classes.output() + "' (one score per label) but "
                    + onnxName + " output is " + output.shapeText() + "; expected [batch, labels]");
        }
        long width = output.rank() == 2 ? output.dim(1) : -1;
        if (width > 0 && width != classes.labels().size()) {
            throw fail(manifestName + " lists " + classes.labels().size() + " labels " + classes.labels() + " but "
                    + onnxName + " output '" + classes.output() + "' is " + output.shapeText());
        }
    }

    private static QuerentException fail(String message) {
        return QuerentException.model(message);
    }
}
