package org.querent.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;

/**
 * The {@code model.json} beside an ONNX file: what the model reads, how to preprocess it, and which outputs
 * hold the embedding and the class scores. Read strictly (unknown keys are errors) because a typo such as
 * "normalise" would otherwise silently change every embedding.
 *
 * @param name      display name
 * @param onnx      ONNX file, relative to the manifest's folder
 * @param input     what the model reads
 * @param text      tokenizer settings; present exactly when {@code input} is TEXT
 * @param image     image preprocessing; present exactly when {@code input} is IMAGE
 * @param audio     audio preprocessing; present exactly when {@code input} is AUDIO
 * @param embedding which output holds the embedding and how to pool it
 * @param classes   the model's own class output, or null
 */
public record ModelManifest(String name, String onnx, InputKind input, TextSpec text, ImageSpec image,
                            EmbeddingSpec embedding, ClassesSpec classes, AudioSpec audio) {

    /** What a model reads. */
    public enum InputKind { TEXT, IMAGE, AUDIO }

    /** What happens to a clip longer than {@code clipSeconds}. */
    public enum Longer {
        /** The middle {@code clipSeconds} are kept. */
        CENTRE_CROP,
        /** The clip is cut into windows of {@code clipSeconds} (the last one ends at the clip's end); their embeddings and scores are averaged. */
        MEAN_WINDOWS
    }

    /** What happens to a clip shorter than {@code clipSeconds}. */
    public enum Shorter {
        /** Zeros are appended up to {@code clipSeconds}. */
        PAD,
        /** The clip is fed at its own length (the model's time axis must be free); at least 0.1 s, padded to that. */
        KEEP
    }

    /** What the model's input tensor holds. */
    public enum AudioForm {
        /** Samples in [-1, 1]: [batch, samples] or [batch, 1, samples]. */
        WAVEFORM,
        /** Natural-log mel energies of Hann-windowed frames: [batch, frames, melBins]. */
        LOG_MEL
    }

    /**
     * Audio preprocessing: decode, mix to mono (channels 1) or keep the channels, resample (band-limited) to
     * {@code sampleRate}, fit to {@code clipSeconds}, then feed the waveform or its log-mel frames.
     */
    public record AudioSpec(int sampleRate, int channels, double clipSeconds, Longer longer, Shorter shorter,
                            AudioForm form, int melBins, double windowMs, double hopMs) {

        public int clipSamples() {
            return (int) Math.round(clipSeconds * sampleRate);
        }

        public int windowSamples() {
            return (int) Math.round(windowMs * sampleRate / 1000);
        }

        public int hopSamples() {
            return Math.max(1, (int) Math.round(hopMs * sampleRate / 1000));
        }

        /** "8000 Hz mono, 10 s (centre-crop, keep), waveform", as users read it in messages. */
        public String describe() {
            String layout = channels == 1 ? "mono" : channels + " channels";
            String input = form == AudioForm.WAVEFORM ? "waveform"
                    : "log-mel " + melBins + " bins, " + windowMs + "/" + hopMs + " ms";
            return sampleRate + " Hz " + layout + ", " + clipSeconds + " s (" + lower(longer) + ", " + lower(shorter)
                    + "), " + input;
        }
    }

    /** The old shape, for text and image models. */
    public ModelManifest(String name, String onnx, InputKind input, TextSpec text, ImageSpec image,
                         EmbeddingSpec embedding, ClassesSpec classes) {
        this(name, onnx, input, text, image, embedding, classes, null);
    }

    /** How the image tensor is laid out. */
    public enum Layout { NCHW, NHWC }

    /** How per-token (or per-position) outputs become one vector per item. */
    public enum Pooling {
        /** Average over tokens (weighted by the attention mask) or over spatial positions. */
        MEAN,
        /** The first token's vector. */
        CLS,
        /** The output already holds one vector per item: flatten it. */
        NONE
    }

    /** What turns class logits into scores. */
    public enum Activation { SOFTMAX, SIGMOID, NONE }

    /** Tokenizer settings of a text model. */
    public record TextSpec(String tokenizer, int maxTokens) {
    }

    /**
     * Image preprocessing: {@code value = (pixel / scale - mean[c]) / std[c]}, pixel in 0..255.
     */
    public record ImageSpec(int width, int height, int channels, Layout layout, double scale,
                            List<Double> mean, List<Double> std) {
        public ImageSpec {
            mean = List.copyOf(mean);
            std = List.copyOf(std);
        }

        /** "3x224x224 (NCHW)", as users read it in messages. */
        public String describe() {
            return channels + "x" + height + "x" + width + " (" + layout + ")";
        }
    }

    /** Which output holds the embedding, how to pool it, and whether to L2-normalise it. */
    public record EmbeddingSpec(String output, Pooling pooling, boolean normalize) {
    }

    /** The model's own class output. */
    public record ClassesSpec(String output, Activation activation, List<String> labels) {
        public ClassesSpec {
            labels = List.copyOf(labels);
        }
    }

    public ModelManifest {
        if (name == null || onnx == null || input == null || embedding == null) {
            throw new IllegalArgumentException("name, onnx, input and embedding are required");
        }
        if (input == InputKind.TEXT && text == null) {
            throw new IllegalArgumentException("a text model needs a text block");
        }
        if (input == InputKind.IMAGE && image == null) {
            throw new IllegalArgumentException("an image model needs an image block");
        }
        if (input == InputKind.AUDIO && audio == null) {
            throw new IllegalArgumentException("an audio model needs an audio block");
        }
    }

    /** The file name conventionally used for a manifest. */
    public static final String FILE_NAME = "model.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> TOP_KEYS = List.of("name", "onnx", "input", "text", "image", "audio", "embedding",
            "classes");
    private static final List<String> AUDIO_KEYS = List.of("sampleRate", "channels", "clipSeconds", "longer", "shorter",
            "form", "melBins", "windowMs", "hopMs");
    private static final List<String> TEXT_KEYS = List.of("tokenizer", "maxTokens");
    private static final List<String> IMAGE_KEYS = List.of("width", "height", "channels", "layout", "scale", "mean", "std");
    private static final List<String> EMBEDDING_KEYS = List.of("output", "pooling", "normalize");
    private static final List<String> CLASSES_KEYS = List.of("output", "activation", "labels");

    /** Default token budget: MiniLM-class models were trained on 128-256 tokens. */
    public static final int DEFAULT_MAX_TOKENS = 128;

    /** Reads and checks a manifest file; errors name the file and the offending key. */
    public static ModelManifest read(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw QuerentException.notFound("model manifest not found: " + file);
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.NOT_FOUND, "cannot read model manifest " + file + ": " + e.getMessage(), e);
        }
        return parse(json, file.toString());
    }

    /** Parses manifest JSON; {@code source} names it in error messages. */
    public static ModelManifest parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw QuerentException.model(source + " is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")", e);
        }
        StrictJsonObject top = StrictJsonObject.of(root, "", source, TOP_KEYS);
        InputKind input = top.requiredChoice("input", InputKind.class);
        String name = top.requiredText("name");
        String onnx = top.requiredText("onnx");

        TextSpec text = null;
        ImageSpec image = null;
        AudioSpec audio = null;
        if (input == InputKind.TEXT) {
            StrictJsonObject t = top.requiredObject("text", TEXT_KEYS);
            text = new TextSpec(t.requiredText("tokenizer"), t.optionalPositiveInt("maxTokens", DEFAULT_MAX_TOKENS));
        } else if (input == InputKind.IMAGE) {
            image = readImage(top.requiredObject("image", IMAGE_KEYS), source);
        } else {
            audio = readAudio(top.requiredObject("audio", AUDIO_KEYS), source);
        }
        for (String block : List.of("text", "image", "audio")) {
            if (!block.equals(lower(input))) {
                rejectBlockOfOtherKind(top, block, input, source);
            }
        }

        StrictJsonObject e = top.requiredObject("embedding", EMBEDDING_KEYS);
        Pooling defaultPooling = input == InputKind.TEXT ? Pooling.MEAN : Pooling.NONE;
        EmbeddingSpec embedding = new EmbeddingSpec(e.requiredText("output"),
                e.optionalChoice("pooling", Pooling.class, defaultPooling), e.optionalBoolean("normalize", true));

        ClassesSpec classes = null;
        StrictJsonObject c = top.optionalObject("classes", CLASSES_KEYS);
        if (c != null) {
            classes = new ClassesSpec(c.requiredText("output"),
                    c.optionalChoice("activation", Activation.class, Activation.SOFTMAX), c.requiredTexts("labels"));
        }
        return new ModelManifest(name, onnx, input, text, image, embedding, classes, audio);
    }

    /** Waveform models at 16 kHz mono are the common case; log-mel defaults are the usual 64 bins, 25/10 ms. */
    private static AudioSpec readAudio(StrictJsonObject a, String source) {
        int rate = a.requiredPositiveInt("sampleRate");
        if (rate < 1000 || rate > 384_000) {
            throw QuerentException.model(source + ": 'audio.sampleRate' is " + rate + " Hz; give 1000..384000");
        }
        int channels = a.optionalPositiveInt("channels", 1);
        double clip = a.optionalPositiveNumber("clipSeconds", 10.0);
        AudioForm form = a.optionalChoice("form", AudioForm.class, AudioForm.WAVEFORM);
        int melBins = a.optionalPositiveInt("melBins", 64);
        double windowMs = a.optionalPositiveNumber("windowMs", 25.0);
        double hopMs = a.optionalPositiveNumber("hopMs", 10.0);
        if (form == AudioForm.LOG_MEL) {
            int fft = Math.max(2, Integer.highestOneBit((int) Math.round(windowMs * rate / 1000) * 2 - 1));
            if (melBins > fft / 2) {
                throw QuerentException.model(source + ": 'audio.melBins' is " + melBins + " but a " + windowMs
                        + " ms window at " + rate + " Hz has only " + fft / 2 + " frequency bins; use fewer mel bins "
                        + "or a longer window");
            }
        } else {
            for (String key : List.of("melBins", "windowMs", "hopMs")) {
                if (a.has(key)) {
                    throw QuerentException.model(source + ": 'audio." + key + "' applies to \"form\": \"log-mel\" only; "
                            + "remove it or set the form");
                }
            }
        }
        if (clip * rate > 50_000_000) {
            throw QuerentException.model(source + ": 'audio.clipSeconds' of " + clip + " s at " + rate
                    + " Hz is over 50 million samples; use shorter clips");
        }
        return new AudioSpec(rate, channels, clip, a.optionalChoice("longer", Longer.class, Longer.CENTRE_CROP),
                a.optionalChoice("shorter", Shorter.class, Shorter.PAD), form, melBins, windowMs, hopMs);
    }

    private static void rejectBlockOfOtherKind(StrictJsonObject top, String block, InputKind input, String source) {
        if (top.has(block)) {
            throw QuerentException.model(source + ": has an '" + block + "' block but \"input\" is \""
                    + lower(input) + "\"; remove the block or change \"input\"");
        }
    }

    private static ImageSpec readImage(StrictJsonObject i, String source) {
        int channels = i.requiredPositiveInt("channels");
        if (channels != 1 && channels != 3) {
            throw QuerentException.model(source + ": 'image.channels' is " + channels + "; allowed values are 1 (grey) and 3 (RGB)");
        }
        List<Double> mean = i.optionalNumbers("mean", Collections.nCopies(channels, 0.0));
        List<Double> std = i.optionalNumbers("std", Collections.nCopies(channels, 1.0));
        checkPerChannel(source, "image.mean", mean, channels);
        checkPerChannel(source, "image.std", std, channels);
        if (std.stream().anyMatch(s -> s == 0.0)) {
            throw QuerentException.model(source + ": 'image.std' must not contain 0 (it divides every pixel)");
        }
        double scale = i.optionalNumber("scale", 255.0);
        if (scale == 0.0) {
            throw QuerentException.model(source + ": 'image.scale' must not be 0 (it divides every pixel)");
        }
        return new ImageSpec(i.requiredPositiveInt("width"), i.requiredPositiveInt("height"), channels,
                i.optionalChoice("layout", Layout.class, Layout.NCHW), scale, mean, std);
    }

    private static void checkPerChannel(String source, String key, List<Double> values, int channels) {
        if (values.size() != channels) {
            throw QuerentException.model(source + ": '" + key + "' has " + values.size() + " values but 'image.channels' is "
                    + channels + "; give one value per channel");
        }
    }

    /** The ONNX file, resolved against the manifest's folder. */
    public Path onnxPath(Path manifestFolder) {
        return manifestFolder.resolve(onnx).normalize();
    }

    /** The tokenizer file of a text model, resolved against the manifest's folder. */
    public Path tokenizerPath(Path manifestFolder) {
        if (text == null) {
            throw new IllegalStateException("not a text model: " + name);
        }
        return manifestFolder.resolve(text.tokenizer()).normalize();
    }

    /** Labels of the class output, or an empty list. */
    public List<String> classLabels() {
        return classes == null ? List.of() : classes.labels();
    }

    /** The manifest as JSON, keys in the documented order. */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name);
        root.put("onnx", onnx);
        root.put("input", lower(input));
        root.setAll(preprocessingJson());
        return root;
    }

    /**
     * Only what changes the numbers a model produces (not its name or file names): hashed together with the ONNX
     * bytes so that cached embeddings are invalidated exactly when they would differ.
     */
    public String canonicalPreprocessingJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("input", lower(input));
        node.setAll(preprocessingJson());
        if (text != null) {
            ((ObjectNode) node.get("text")).remove("tokenizer");
        }
        try {
            return new ObjectMapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a tree of plain values", e);
        }
    }

    private ObjectNode preprocessingJson() {
        ObjectNode root = JSON.createObjectNode();
        if (text != null) {
            ObjectNode t = root.putObject("text");
            t.put("tokenizer", text.tokenizer());
            t.put("maxTokens", text.maxTokens());
        }
        if (audio != null) {
            ObjectNode a = root.putObject("audio");
            a.put("sampleRate", audio.sampleRate());
            a.put("channels", audio.channels());
            a.put("clipSeconds", audio.clipSeconds());
            a.put("longer", lower(audio.longer()));
            a.put("shorter", lower(audio.shorter()));
            a.put("form", lower(audio.form()));
            if (audio.form() == AudioForm.LOG_MEL) {
                a.put("melBins", audio.melBins());
                a.put("windowMs", audio.windowMs());
                a.put("hopMs", audio.hopMs());
            }
        }
        if (image != null) {
            ObjectNode i = root.putObject("image");
            i.put("width", image.width());
            i.put("height", image.height());
            i.put("channels", image.channels());
            i.put("layout", image.layout().name());
            i.put("scale", image.scale());
            ArrayNode mean = i.putArray("mean");
            image.mean().forEach(mean::add);
            ArrayNode std = i.putArray("std");
            image.std().forEach(std::add);
        }
        ObjectNode e = root.putObject("embedding");
        e.put("output", embedding.output());
        e.put("pooling", lower(embedding.pooling()));
        e.put("normalize", embedding.normalize());
        if (classes != null) {
            ObjectNode c = root.putObject("classes");
            c.put("output", classes.output());
            c.put("activation", lower(classes.activation()));
            ArrayNode labels = c.putArray("labels");
            classes.labels().forEach(labels::add);
        }
        return root;
    }

    /** Pretty JSON, as written by {@link #write}. */
    public String toPrettyJson() {
        try {
            return JSON.writeValueAsString(toJson()) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a tree of plain values", e);
        }
    }

    /** Writes the manifest as pretty JSON, atomically (temp file then move), creating the folder if needed. */
    public void write(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            // a sibling temp file (not createTempFile) so the result gets the user's normal permissions
            Path temp = folder.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                Files.writeString(temp, toPrettyJson(), StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new QuerentException(ErrorKind.STORAGE, "cannot write model manifest " + file + ": " + e.getMessage(), e);
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
