package org.querent.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.QuerentException;
import org.querent.runtime.ModelManifest.Layout;

class ImageEmbeddingModelTest {
    @TempDir
    Path dir;

    @Test
    void greyPixelsReachTheModelUnchangedInValueAndOrder() throws Exception {
        Path model = TinyModels.imageClassifier(Files.createDirectory(dir.resolve("m")), 5, 4, 1, Layout.NCHW);
        Path image = TestImages.grey(dir.resolve("g.png"), 5, 4, 3);
        try (EmbeddingModel m = ModelLoader.open(model.toString(), dir)) {
            float[] embedding = m.embed(List.of(ModelInput.image(image))).embeddings()[0];
            assertEquals(20, m.info().dimension());
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 5; x++) {
                    assertEquals(TestImages.greyValue(x, y, 3) / 255f, embedding[y * 5 + x], 1e-6f, "pixel " + x + "," + y);
                }
            }
        }
    }

    @Test
    void classScoresAreSoftmaxedAndFollowBrightness() throws Exception {
        Path model = TinyModels.imageClassifier(Files.createDirectory(dir.resolve("m")), 8, 8, 1, Layout.NCHW);
        Path white = TestImages.flat(dir.resolve("white.png"), 16, 16, 255);
        Path black = TestImages.flat(dir.resolve("black.png"), 8, 8, 0);
        try (EmbeddingModel m = ModelLoader.open(model.toString(), dir)) {
            assertEquals(TinyModels.LABELS, m.info().classLabels());
            float[][] scores = m.embed(List.of(ModelInput.image(white), ModelInput.image(black))).classScores();
            double expected = 1 / (1 + Math.exp(-10)); // softmax of (5, -5)
            assertArrayEquals(new float[] {(float) expected, (float) (1 - expected)}, scores[0], 1e-6f);
            assertArrayEquals(new float[] {(float) (1 - expected), (float) expected}, scores[1], 1e-6f);
        }
    }

    @Test
    void nhwcAndNchwModelsSeeTheSameRgbImage() throws Exception {
        Path nchw = TinyModels.imageClassifier(Files.createDirectory(dir.resolve("nchw")), 6, 5, 3, Layout.NCHW);
        Path nhwc = TinyModels.imageClassifier(Files.createDirectory(dir.resolve("nhwc")), 6, 5, 3, Layout.NHWC);
        Path image = TestImages.rgb(dir.resolve("rgb.png"), 6, 5);
        try (EmbeddingModel a = ModelLoader.open(nchw.toString(), dir);
             EmbeddingModel b = ModelLoader.open(nhwc.toString(), dir)) {
            float[] fromNchw = a.embed(List.of(ModelInput.image(image))).embeddings()[0];
            float[] fromNhwc = b.embed(List.of(ModelInput.image(image))).embeddings()[0];
            assertArrayEquals(fromNchw, fromNhwc, 0f);
            // CHW order: the green plane starts after the 30 red values; green at (x=0, y=2) is 22
            assertEquals(22 / 255f, fromNchw[30 + 2 * 6], 1e-6f);
        }
    }

    @Test
    void greyImageFedToAnRgbModelIsReplicatedAndResized() throws Exception {
        Path model = TinyModels.imageClassifier(Files.createDirectory(dir.resolve("m")), 4, 4, 3, Layout.NCHW);
        Path image = TestImages.flat(dir.resolve("grey.png"), 9, 7, 100);
        try (EmbeddingModel m = ModelLoader.open(model.toString(), dir)) {
            for (float value : m.embed(List.of(ModelInput.image(image))).embeddings()[0]) {
                assertEquals(100 / 255f, value, 1e-6f);
            }
        }
    }

    @Test
    void corruptImageFailsNamingTheFile() throws Exception {
        Path model = TinyModels.imageClassifier(Files.createDirectory(dir.resolve("m")), 4, 4, 1, Layout.NCHW);
        Path corrupt = Files.write(dir.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 1, 2});
        Path text = Files.writeString(dir.resolve("notes.jpg"), "not an image at all");
        try (EmbeddingModel m = ModelLoader.open(model.toString(), dir)) {
            for (Path bad : List.of(corrupt, text)) {
                QuerentException e = assertThrows(QuerentException.class, () -> m.prepare(List.of(ModelInput.image(bad))));
                assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
            }
        }
    }

    @Test
    void largePhotoIsSubsampledAndStillAveragesToItsColour() throws Exception {
        Path model = TinyModels.imageClassifier(Files.createDirectory(dir.resolve("m")), 8, 8, 1, Layout.NCHW);
        java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(3000, 2000, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = photo.createGraphics();
        g.setColor(new java.awt.Color(77, 77, 77));
        g.fillRect(0, 0, 3000, 2000);
        g.dispose();
        Path file = dir.resolve("photo.png");
        javax.imageio.ImageIO.write(photo, "png", file.toFile());
        try (EmbeddingModel m = ModelLoader.open(model.toString(), dir)) {
            for (float value : m.embed(List.of(ModelInput.image(file))).embeddings()[0]) {
                assertEquals(77 / 255f, value, 1e-5f);
            }
        }
    }

    @Test
    void pngBmpGifAndJpegDecodeToTheSamePixels() throws Exception {
        Path model = TinyModels.imageClassifier(Files.createDirectory(dir.resolve("m")), 6, 6, 1, Layout.NCHW);
        Path png = TestImages.flat(dir.resolve("a.png"), 6, 6, 200);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        try (EmbeddingModel m = ModelLoader.open(model.toString(), dir)) {
            float[] reference = m.embed(List.of(ModelInput.image(png))).embeddings()[0];
            for (String format : List.of("bmp", "gif", "jpg")) {
                Path other = dir.resolve("a." + format);
                assertTrue(javax.imageio.ImageIO.write(image, format, other.toFile()), format);
                float[] decoded = m.embed(List.of(ModelInput.image(other))).embeddings()[0];
                assertArrayEquals(reference, decoded, format.equals("jpg") ? 2 / 255f : 1e-6f, format);
            }
        }
    }
}
