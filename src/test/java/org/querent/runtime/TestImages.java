package org.querent.runtime;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes small test images with known pixel values. */
final class TestImages {
    private TestImages() {
    }

    /** A grey PNG whose pixel (x, y) has value {@code (x * 7 + y * 13 + offset) % 256}. */
    static Path grey(Path file, int width, int height, int offset) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, greyValue(x, y, offset));
            }
        }
        return write(image, file);
    }

    static int greyValue(int x, int y, int offset) {
        return (x * 7 + y * 13 + offset) % 256;
    }

    /** An RGB PNG with distinct values per channel: r = x*9, g = y*11, b = (x+y)*5 (mod 256). */
    static Path rgb(Path file, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, ((x * 9) % 256) << 16 | ((y * 11) % 256) << 8 | ((x + y) * 5) % 256);
            }
        }
        return write(image, file);
    }

    /** A uniform grey PNG. */
    static Path flat(Path file, int width, int height, int value) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, value);
            }
        }
        return write(image, file);
    }

    private static Path write(BufferedImage image, Path file) {
        try {
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
