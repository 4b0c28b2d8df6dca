package org.querent.ingest;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageCheckTest {

    private static final long LIMIT = ScanOptions.DEFAULT_MAX_PIXELS;

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "bmp", "gif"})
    void wholeImagesDecode(String format) {
        assertNull(ImageCheck.problem(TestFiles.image(format, 120, 90, 7), LIMIT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "bmp", "gif"})
    void imagesCutInHalfAreCaught(String format) {
        String problem = ImageCheck.problem(TestFiles.firstHalf(TestFiles.image(format, 120, 90, 7)), LIMIT);
        assertTrue(problem != null && problem.startsWith("image could not be decoded"), format + ": " + problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "bmp", "gif"})
    void imagesMissingTheirLastBytesAreCaught(String format) {
        byte[] whole = TestFiles.image(format, 120, 90, 7);
        String problem = ImageCheck.problem(Arrays.copyOf(whole, whole.length * 9 / 10), LIMIT);
        assertTrue(problem != null && problem.startsWith("image could not be decoded"), format + ": " + problem);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10, 100, 5000})
    void randomBytesAreNotAnImage(int size) {
        assertTrue(ImageCheck.problem(TestFiles.randomBytes(size, size), LIMIT).startsWith("image could not be"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg"})
    void largeImagesAreDecodedSubsampledAndStillChecked(String format) {
        byte[] whole = TestFiles.image(format, 2600, 2000, 3);
        assertNull(ImageCheck.problem(whole, LIMIT));
        assertTrue(ImageCheck.problem(TestFiles.firstHalf(whole), LIMIT).startsWith("image could not be decoded"));
    }
}
