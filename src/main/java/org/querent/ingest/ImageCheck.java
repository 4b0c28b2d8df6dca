package org.querent.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decides whether the bytes of an image file can be used: the size is read from the header first (so a huge or
 * lying header never allocates), then the whole image is decoded once. Truncated PNG/BMP/GIF data fails with an
 * exception; the JPEG decoder instead fills the missing part in grey and only warns, so that warning counts too.
 */
final class ImageCheck {

    static final String UNDECODABLE = "image could not be decoded (truncated or corrupt): ";
    /** Large images are decoded with subsampling: every byte is still read and checked, in less memory. */
    private static final long FULL_DECODE_PIXELS = 4_000_000L;

    private ImageCheck() {
    }

    /** Why the image cannot be used, or null when it decodes completely within the pixel limit. */
    static String problem(byte[] bytes, long maxPixels) {
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return "image could not be decoded (not a PNG, JPEG, BMP or GIF image)";
            }
            ImageReader reader = readers.next();
            try {
                return decode(reader, input, maxPixels);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO's decoders signal corrupt data with IIOException, EOFException and, now and then,
            // IndexOutOfBounds or IllegalArgument exceptions: all of them mean the same to the user.
            return UNDECODABLE + describe(e);
        }
    }

    private static String decode(ImageReader reader, ImageInputStream input, long maxPixels) throws IOException {
        reader.setInput(input, true, true);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width * height > maxPixels) {
            String limit = maxPixels % 1_000_000 == 0 ? maxPixels / 1_000_000 + " megapixels" : maxPixels + " pixels";
            return String.format(Locale.ROOT, "image is too large: %d×%d pixels (limit %s); shrink it or raise "
                    + "the limit", width, height, limit);
        }
        TruncationWarnings warnings = new TruncationWarnings();
        reader.addIIOReadWarningListener(warnings);
        ImageReadParam param = reader.getDefaultReadParam();
        int step = (int) Math.ceil(Math.sqrt((double) width * height / FULL_DECODE_PIXELS));
        if (step > 1) {
            param.setSourceSubsampling(step, step, 0, 0);
        }
        reader.read(0, param);
        return warnings.first == null ? null : UNDECODABLE + warnings.first;
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(message(e));
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            text.append(" (").append(message(cause)).append(')');
        }
        return text.toString();
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Keeps the first decoder warning that says data is missing; other warnings (odd markers) are harmless. */
    private static final class TruncationWarnings implements IIOReadWarningListener {
        String first;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            String lower = warning.toLowerCase(Locale.ROOT);
            if (first == null && (lower.contains("premature end") || lower.contains("truncated"))) {
                first = warning;
            }
        }
    }
}
