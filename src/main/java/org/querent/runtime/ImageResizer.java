package org.querent.runtime;

/**
 * Bilinear resizing of float planes with pixel-centre alignment (as PIL and OpenCV do). When shrinking by two or
 * more, whole blocks are first averaged so that a large photo does not alias into noise.
 */
final class ImageResizer {
    private ImageResizer() {
    }

    static ImagePixels resize(ImagePixels source, int width, int height) {
        ImagePixels current = source;
        int factorX = current.width() / width;
        int factorY = current.height() / height;
        if (factorX >= 2 || factorY >= 2) {
            current = boxShrink(current, Math.max(1, factorX), Math.max(1, factorY));
        }
        if (current.width() == width && current.height() == height) {
            return current;
        }
        float[][] planes = new float[current.channels()][];
        for (int c = 0; c < planes.length; c++) {
            planes[c] = bilinear(current.planes()[c], current.width(), current.height(), width, height);
        }
        return new ImagePixels(width, height, planes);
    }

    private static ImagePixels boxShrink(ImagePixels source, int fx, int fy) {
        int w = source.width() / fx;
        int h = source.height() / fy;
        float[][] planes = new float[source.channels()][w * h];
        float area = fx * fy;
        for (int c = 0; c < planes.length; c++) {
            float[] in = source.planes()[c];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float sum = 0;
                    for (int dy = 0; dy < fy; dy++) {
                        int row = (y * fy + dy) * source.width() + x * fx;
                        for (int dx = 0; dx < fx; dx++) {
                            sum += in[row + dx];
                        }
                    }
                    planes[c][y * w + x] = sum / area;
                }
            }
        }
        return new ImagePixels(w, h, planes);
    }

    private static float[] bilinear(float[] in, int inW, int inH, int outW, int outH) {
        float[] out = new float[outW * outH];
        float scaleX = (float) inW / outW;
        float scaleY = (float) inH / outH;
        for (int y = 0; y < outH; y++) {
            float sy = clamp((y + 0.5f) * scaleY - 0.5f, inH - 1);
            int y0 = (int) sy;
            int y1 = Math.min(y0 + 1, inH - 1);
            float wy = sy - y0;
            for (int x = 0; x < outW; x++) {
                float sx = clamp((x + 0.5f) * scaleX - 0.5f, inW - 1);
                int x0 = (int) sx;
                int x1 = Math.min(x0 + 1, inW - 1);
                float wx = sx - x0;
                float top = in[y0 * inW + x0] * (1 - wx) + in[y0 * inW + x1] * wx;
                float bottom = in[y1 * inW + x0] * (1 - wx) + in[y1 * inW + x1] * wx;
                out[y * outW + x] = top * (1 - wy) + bottom * wy;
            }
        }
        return out;
    }

    private static float clamp(float value, int max) {
        return Math.max(0f, Math.min(value, max));
    }
}
