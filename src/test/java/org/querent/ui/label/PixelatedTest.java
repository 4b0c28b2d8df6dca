package org.querent.ui.label;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Enlarged thumbnails keep every pixel where it was. */
class PixelatedTest {
    @BeforeAll
    static void startFx() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await(10, TimeUnit.SECONDS);
    }

    @Test
    void aGreyThumbnailIsEnlargedPixelByPixel() throws Exception {
        Path png = Path.of("sample-projects/fashion/data/00656.png");
        check(png, Pixelated.ifSmall(new Image(png.toUri().toString(), false)));
    }

    @Test
    void aThumbnailLoadedInTheBackgroundIsEnlargedOnceLoaded() throws Exception {
        Path png = Path.of("sample-projects/fashion/data/00656.png");
        Image[] big = new Image[1];
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            Image loading = new Image(png.toUri().toString(), true);
            loading.progressProperty().addListener((obs, a, b) -> {
                if (b.doubleValue() >= 1) {
                    big[0] = Pixelated.ifSmall(loading);
                    done.countDown();
                }
            });
        });
        done.await(10, TimeUnit.SECONDS);
        check(png, big[0]);
    }

    private static void check(Path png, Image big) throws Exception {
        BufferedImage reference = ImageIO.read(png.toFile());
        int factor = (int) (big.getWidth() / 28);
        assertEquals(Pixelated.TARGET / 28, factor);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int expected = reference.getRaster().getSample(x, y, 0);
                int argb = big.getPixelReader().getArgb(x * factor + factor / 2, y * factor + factor / 2);
                assertEquals(expected, argb & 0xff, 1.0, "pixel " + x + "," + y);
            }
        }
    }
}
