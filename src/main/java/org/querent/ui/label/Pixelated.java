package org.querent.ui.label;

import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/**
 * Enlarges small images by an integer factor, nearest neighbour: the renderer smooths scaled images on
 * some pipelines whatever {@code ImageView.setSmooth} says, and a blurred 28x28 thumbnail hides the very
 * details a person labels by.
 */
final class Pixelated {
    /** Images narrower and lower than this are enlarged. */
    static final int SMALL = 200;
    /** The size the enlarged image aims for. */
    static final int TARGET = 600;

    private Pixelated() {
    }

    /** The image itself when large or not loaded yet, else an enlarged copy. */
    static Image ifSmall(Image image) {
        if (image == null || image.getProgress() < 1 || image.isError() || image.getPixelReader() == null) {
            return image;
        }
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        if (w == 0 || h == 0 || w >= SMALL || h >= SMALL) {
            return image;
        }
        int factor = Math.max(1, TARGET / Math.max(w, h));
        WritableImage out = new WritableImage(w * factor, h * factor);
        PixelReader reader = image.getPixelReader();
        PixelWriter writer = out.getPixelWriter();
        int[] row = new int[w];
        int[] wide = new int[w * factor];
        for (int y = 0; y < h; y++) {
            reader.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            for (int x = 0; x < w; x++) {
                java.util.Arrays.fill(wide, x * factor, (x + 1) * factor, row[x]);
            }
            for (int dy = 0; dy < factor; dy++) {
                writer.setPixels(0, y * factor + dy, w * factor, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(),
                        wide, 0, w * factor);
            }
        }
        return out;
    }
}
