package org.querent.session;

import java.nio.file.Path;

import org.querent.common.ItemKind;
import org.querent.common.QuerentException;
import org.querent.ingest.DatasetKinds;
import org.querent.runtime.EmbeddingModel;
import org.querent.runtime.ModelLoader;

/**
 * Checks, before a project is made, that its model loads and matches its manifest, and that it reads the
 * kind of items the dataset folder holds: such problems should stop {@code init}, not surface at
 * {@code score} as a pool of quarantined items.
 */
public final class ModelCheck {
    private ModelCheck() {
    }

    /** Opens the model once (its files hashed, its ONNX graph checked against model.json) and returns its input kind. */
    public static ItemKind requireLoadable(String reference, Path baseDir) {
        try (EmbeddingModel model = ModelLoader.open(reference, baseDir)) {
            return ItemKind.valueOf(model.info().input().toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * The same check for a caller that shows its own message (the wizard): the problem of opening the model, or
     * null when it loads.
     */
    public static String loadProblem(String reference, Path baseDir) {
        try {
            requireLoadable(reference, baseDir);
            return null;
        } catch (QuerentException e) {
            return e.getMessage();
        }
    }

    /** True when the dataset holds items and none of them is of the kind the model reads: scoring would read none. */
    public static boolean readsNone(ItemKind modelKind, int images, int texts) {
        return readsNone(modelKind, images, texts, 0);
    }

    public static boolean readsNone(ItemKind modelKind, int images, int texts, int clips) {
        int read = switch (modelKind) {
            case TEXT -> texts;
            case IMAGE -> images;
            case AUDIO -> clips;
        };
        return images + texts + clips > 0 && read == 0;
    }

    /** Refuses a model that reads none of the dataset's items, with the fix. */
    public static void requireReads(ItemKind modelKind, String reference, DatasetKinds data) {
        int images = data.count(ItemKind.IMAGE);
        int texts = data.count(ItemKind.TEXT);
        int clips = data.count(ItemKind.AUDIO);
        if (!readsNone(modelKind, images, texts, clips)) {
            return;
        }
        if (clips > 0 && modelKind != ItemKind.AUDIO) {
            throw QuerentException.usage("this folder holds " + clips + " audio clips, " + images + " images and "
                    + texts + " texts; the model " + reference + " reads " + modelKind.name().toLowerCase(java.util.Locale.ROOT)
                    + ": build an audio model with 'querent build-audio-model --audio DIR --out MODELDIR' or bring an "
                    + "ONNX audio model (--model MODELDIR/model.json)");
        }
        if (modelKind == ItemKind.AUDIO) {
            throw QuerentException.usage("this folder holds " + images + " images, " + texts + " texts and no audio "
                    + "clips; the model " + reference + " reads audio: use a model for the folder's items");
        }
        if (modelKind == ItemKind.TEXT) {
            throw QuerentException.usage("this folder holds " + images + " images and no texts; the model "
                    + reference + " reads text: build an image model with 'querent build-image-model --images DIR"
                    + " --out MODELDIR' or bring an ONNX image model (--model MODELDIR/model.json)");
        }
        throw QuerentException.usage("this folder holds " + texts + " text files and no images; the model "
                + reference + " reads images: use --model builtin:minilm or an ONNX text model");
    }
}
