package org.querent.runtime;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;

/**
 * Decoded image pixels as float planes in 0..255, one plane per channel, row-major.
 *
 * <p>Pixels are read straight from the raster, not through {@code BufferedImage.getRGB}: for a grey image
 * getRGB applies a colour-space conversion that brightens every pixel, so a model would see different values
 * than it was trained on.
 */
record ImagePixels(int width, int height, float[][] planes) {

    int channels() {
        return planes.length;
    }

    /** Decodes PNG, JPEG, BMP or GIF (first frame) at full size; errors name the file. */
    static ImagePixels read(Path file) {
        return read(file, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * Decodes an image that will be shrunk to about {@code targetWidth x targetHeight}. A photo many times larger
     * is subsampled while decoding (to no less than 4x the target, so the box filter still averages), which keeps
     * a 24-megapixel JPEG from costing hundreds of megabytes.
     */
    static ImagePixels read(Path file, int targetWidth, int targetHeight) {
        if (!Files.isRegularFile(file)) {
            throw new QuerentException(ErrorKind.NOT_FOUND, "image not found: " + file);
        }
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw cannotRead(file, "it is not a PNG, JPEG, BMP or GIF image", null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int stepX = subsamplingStep(reader.getWidth(0), targetWidth);
                int stepY = subsamplingStep(reader.getHeight(0), targetHeight);
                if (stepX > 1 || stepY > 1) {
                    param.setSourceSubsampling(stepX, stepY, 0, 0);
                }
                image = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof QuerentException q) {
                throw q;
            }
            throw cannotRead(file, "the file is damaged or not an image (" + e.getMessage() + ")", e);
        }
        return of(image);
    }

    /** Keep every n-th pixel such that at least 4 source pixels remain per target pixel. */
    private static int subsamplingStep(int size, int target) {
        return (int) Math.max(1, size / (4L * Math.max(1, target)));
    }

    private static QuerentException cannotRead(Path file, String why, Throwable cause) {
        return new QuerentException(ErrorKind.NOT_FOUND, "cannot read image " + file + ": " + why, cause);
    }

    static ImagePixels of(BufferedImage image) {
        return isPlainGrey(image) ? grey(image) : rgb(image);
    }

    private static boolean isPlainGrey(BufferedImage image) {
        ColorModel model = image.getColorModel();
        return image.getRaster().getNumBands() == 1 && !(model instanceof IndexColorModel)
                && model.getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY
                && (model.getTransferType() == DataBuffer.TYPE_BYTE || model.getTransferType() == DataBuffer.TYPE_USHORT);
    }

    private static ImagePixels grey(BufferedImage image) {
        Raster raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        float[] plane = raster.getSamples(0, 0, w, h, 0, new float[w * h]);
        int bits = image.getColorModel().getComponentSize(0);
        if (bits != 8) {
            float toByteRange = 255f / ((1 << bits) - 1);
            for (int i = 0; i < plane.length; i++) {
                plane[i] *= toByteRange;
            }
        }
        return new ImagePixels(w, h, new float[][] {plane});
    }

    /** Anything else (colour, palette, alpha, 1-bit) is drawn onto white RGB: transparent areas become white. */
    private static ImagePixels rgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage canvas = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        int[] packed = canvas.getRaster().getPixels(0, 0, w, h, new int[w * h * 3]);
        float[][] planes = new float[3][w * h];
        for (int i = 0; i < w * h; i++) {
            planes[0][i] = packed[3 * i];
            planes[1][i] = packed[3 * i + 1];
            planes[2][i] = packed[3 * i + 2];
        }
        return new ImagePixels(w, h, planes);
    }

    /** Same pixels with {@code channels} planes: luma (ITU-R BT.601) for grey, replication for RGB. */
    ImagePixels withChannels(int channels) {
        if (channels == channels()) {
            return this;
        }
        if (channels == 3) {
            return new ImagePixels(width, height, new float[][] {planes[0], planes[0].clone(), planes[0].clone()});
        }
        float[] grey = new float[width * height];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = 0.299f * planes[0][i] + 0.587f * planes[1][i] + 0.114f * planes[2][i];
        }
        return new ImagePixels(width, height, new float[][] {grey});
    }
}
