package org.querent.ui.label;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

/**
 * An image fitted to the available space, with zoom (mouse wheel, {@link #zoomIn}/{@link #zoomOut}) and pan
 * (drag). Small images are enlarged pixel by pixel ({@link Pixelated}) so they stay crisp, as a person
 * inspecting a 28x28 thumbnail wants; large ones are scaled smoothly.
 */
public final class ImageViewer extends Pane {
    private final ImageView view = new ImageView();
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private double dragX;
    private double dragY;
    private double panX;
    private double panY;
    private Image shown;

    public ImageViewer() {
        setId("item-image");
        view.setPreserveRatio(true);
        getChildren().add(view);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setOnScroll(e -> {
            if (e.getDeltaY() > 0) {
                zoomIn();
            } else if (e.getDeltaY() < 0) {
                zoomOut();
            }
            e.consume();
        });
        setOnMousePressed(e -> {
            dragX = e.getX() - panX;
            dragY = e.getY() - panY;
        });
        setOnMouseDragged(e -> {
            panX = e.getX() - dragX;
            panY = e.getY() - dragY;
            requestLayout();
        });
        zoom.addListener((obs, a, b) -> requestLayout());
    }

    public void setImage(Image image) {
        shown = image;
        view.setImage(Pixelated.ifSmall(image));
        if (image != null && image.getProgress() < 1) {
            // Loaded in the background: lay out again (and enlarge a thumbnail) once the pixels are there.
            image.progressProperty().addListener((obs, a, b) -> {
                if (b.doubleValue() >= 1 && shown == image) {
                    view.setImage(Pixelated.ifSmall(image));
                    requestLayout();
                }
            });
        }
        resetView();
    }

    /** The image as given (before any enlarging of small thumbnails). */
    public Image getImage() {
        return shown;
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public void zoomIn() {
        zoom.set(Math.min(16, zoom.get() * 1.25));
    }

    public void zoomOut() {
        zoom.set(Math.max(0.1, zoom.get() / 1.25));
    }

    /** Back to "fit to view", centred. */
    public void resetView() {
        panX = 0;
        panY = 0;
        zoom.set(1);
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        Image image = view.getImage();
        double w = getWidth();
        double h = getHeight();
        if (image == null || w <= 0 || h <= 0 || image.getWidth() <= 0) {
            return;
        }
        double fit = Math.min(w / image.getWidth(), h / image.getHeight());
        double scale = fit * zoom.get();
        double iw = image.getWidth() * scale;
        double ih = image.getHeight() * scale;
        view.setFitWidth(iw);
        view.setFitHeight(ih);
        view.relocate((w - iw) / 2 + panX, (h - ih) / 2 + panY);
    }
}
