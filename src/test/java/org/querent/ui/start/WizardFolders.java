package org.querent.ui.start;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Real dataset folders for the wizard's tests: texts in class sub-folders, real and corrupt images. */
final class WizardFolders {
    static final String CORRUPT = "broken.png";

    private WizardFolders() {
    }

    /** {@code root/data}: three texts in each of spam/ and ham/, and a .png that is not an image. */
    static Path textsWithCorruptImage(Path root) {
        Path data = root.resolve("data");
        for (int i = 0; i < 3; i++) {
            write(data.resolve("spam/offer-" + i + ".txt"), "Buy cheap watches now, offer " + i);
            write(data.resolve("ham/meeting-" + i + ".txt"), "The meeting moves to room " + i);
        }
        write(data.resolve(CORRUPT), "this is not a PNG");
        return data;
    }

    /** {@code root/mixed}: one real PNG, one truncated PNG, one text, one empty text and a .docx. */
    static Path mixed(Path root) {
        Path data = root.resolve("mixed");
        writeBytes(data.resolve("photo.png"), png(16, 12));
        byte[] png = png(16, 12);
        writeBytes(data.resolve("cut.png"), java.util.Arrays.copyOf(png, png.length / 2));
        write(data.resolve("note.txt"), "a short note");
        write(data.resolve("empty.txt"), "");
        write(data.resolve("report.docx"), "not read");
        return data;
    }

    /** {@code root/images}: three real PNGs. */
    static Path images(Path root) {
        Path data = root.resolve("images");
        for (int i = 0; i < 3; i++) {
            writeBytes(data.resolve("img-" + i + ".png"), png(8, 8));
        }
        return data;
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 31 + y * 17) * 0x010203 & 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void write(Path file, String text) {
        writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static void writeBytes(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
