package org.querent.runtime;

import java.nio.file.Path;
import java.util.List;
import org.querent.runtime.ModelManifest.ImageSpec;
import org.querent.runtime.ModelManifest.Layout;

/**
 * Turns image files into the float tensor an image model expects: decode, grey or RGB, resize,
 * {@code (pixel / scale - mean) / std}, then NCHW or NHWC.
 */
final class ImagePreprocessor {
    private final ImageSpec spec;
    private final float[] mean;
    private final float[] std;

    ImagePreprocessor(ImageSpec spec) {
        this.spec = spec;
        this.mean = toFloats(spec.mean());
        this.std = toFloats(spec.std());
    }

    /** Values per item: channels * height * width. */
    int itemLength() {
        return spec.channels() * spec.height() * spec.width();
    }

    long[] batchShape(int size) {
        return spec.layout() == Layout.NCHW
                ? new long[] {size, spec.channels(), spec.height(), spec.width()}
                : new long[] {size, spec.height(), spec.width(), spec.channels()};
    }

    ImageBatch prepare(List<Path> files) {
        float[] data = new float[files.size() * itemLength()];
        for (int i = 0; i < files.size(); i++) {
            write(read(files.get(i)), data, i * itemLength());
        }
        return new ImageBatch(files.size(), data, batchShape(files.size()));
    }

    /** One file's tensor values, e.g. for a Java reference computation. */
    float[] preprocess(Path file) {
        return preprocess(read(file));
    }

    private ImagePixels read(Path file) {
        return ImagePixels.read(file, spec.width(), spec.height());
    }

    float[] preprocess(ImagePixels pixels) {
        float[] data = new float[itemLength()];
        write(pixels, data, 0);
        return data;
    }

    private void write(ImagePixels decoded, float[] out, int offset) {
        ImagePixels pixels = ImageResizer.resize(decoded.withChannels(spec.channels()), spec.width(), spec.height());
        int channels = spec.channels();
        int area = spec.width() * spec.height();
        float scale = (float) spec.scale();
        for (int c = 0; c < channels; c++) {
            float[] plane = pixels.planes()[c];
            for (int p = 0; p < area; p++) {
                float value = (plane[p] / scale - mean[c]) / std[c];
                int index = spec.layout() == Layout.NCHW ? c * area + p : p * channels + c;
                out[offset + index] = value;
            }
        }
    }

    private static float[] toFloats(List<Double> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).floatValue();
        }
        return out;
    }

    /** Images as one float tensor, ready to run. */
    record ImageBatch(int size, float[] data, long[] shape) implements PreparedBatch {
    }
}
