package org.querent.ui.label;

import java.util.Locale;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;

/**
 * An audio item: its waveform above its spectrogram, a playhead across both, and the clip's facts. P or F5 plays
 * and pauses, with Shift replays from the start, the arrow keys seek by a second, a click seeks to that point.
 * Playback runs on its own thread ({@link ClipPlayer}); this view only reads its position each frame.
 */
final class AudioClipView extends VBox {
    static final double SEEK_SECONDS = 1.0;

    private final Canvas waveform = new Canvas();
    private final Pane waveformPane = new Pane(waveform);
    private final ImageView spectrogram = new ImageView();
    private final Pane spectrogramPane = new Pane(spectrogram);
    private final Line playhead = new Line();
    private final Pane stack = new Pane();
    private final Label facts = new Label();
    private final ReadOnlyStringWrapper playback = new ReadOnlyStringWrapper(this, "playback", "");
    private final ClipPlayer player;
    private ClipPreview shown;

    AudioClipView() {
        setId("item-audio");
        setSpacing(6);
        player = new ClipPlayer(problem -> javafx.application.Platform.runLater(() -> playback.set(problem)));
        waveformPane.setId("audio-waveform");
        spectrogramPane.setId("audio-spectrogram");
        waveformPane.getStyleClass().add("card");
        waveform.widthProperty().bind(waveformPane.widthProperty());
        waveform.heightProperty().bind(waveformPane.heightProperty());
        waveform.widthProperty().addListener((o, a, b) -> draw());
        waveform.heightProperty().addListener((o, a, b) -> draw());
        spectrogram.fitWidthProperty().bind(spectrogramPane.widthProperty());
        spectrogram.fitHeightProperty().bind(spectrogramPane.heightProperty());
        spectrogram.setPreserveRatio(false);
        VBox panes = new VBox(4, waveformPane, spectrogramPane);
        waveformPane.setPrefHeight(140);
        waveformPane.setMinHeight(60);
        spectrogramPane.setPrefHeight(200);
        spectrogramPane.setMinHeight(60);
        VBox.setVgrow(spectrogramPane, Priority.ALWAYS);
        panes.prefWidthProperty().bind(stack.widthProperty());
        panes.prefHeightProperty().bind(stack.heightProperty());
        stack.setId("audio-timeline");
        playhead.setId("audio-playhead");
        playhead.setStroke(Color.web("#e0457b"));
        playhead.setStrokeWidth(2);
        playhead.setStartY(0);
        playhead.endYProperty().bind(stack.heightProperty());
        playhead.setManaged(false);
        stack.getChildren().addAll(panes, playhead);
        VBox.setVgrow(stack, Priority.ALWAYS);
        stack.setOnMouseClicked(e -> {
            if (shown != null && shown.ok() && stack.getWidth() > 0) {
                player.seek(Math.round(e.getX() / stack.getWidth() * shown.mono().length));
                movePlayhead();
            }
        });
        facts.setId("audio-facts");
        facts.getStyleClass().add("muted");
        facts.setWrapText(true);
        Label status = new Label();
        status.setId("audio-playback");
        status.setWrapText(true);
        status.textProperty().bind(playback);
        Label hint = new Label("P or F5 play/pause · Shift+P replay · ← → seek 1 s · click to seek");
        hint.getStyleClass().add("hint");
        getChildren().addAll(facts, stack, status, hint);
        setPadding(new Insets(2));
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (isVisible() && shown != null) {
                    movePlayhead();
                }
            }
        }.start();
    }

    /** The line under the clip: "playing", "paused" or why playback cannot run. */
    ReadOnlyStringProperty playbackProperty() {
        return playback.getReadOnlyProperty();
    }

    /** Shows a clip (null clears); playback of the previous one stops. */
    void show(ClipPreview preview) {
        shown = preview;
        player.stop();
        playback.set("");
        if (preview == null) {
            player.load(null, 8000);
            spectrogram.setImage(null);
            facts.setText("");
        } else if (!preview.ok()) {
            player.load(null, 8000);
            spectrogram.setImage(null);
            facts.setText(preview.problem());
        } else {
            player.load(preview.mono(), preview.clip().sampleRate());
            spectrogram.setImage(preview.spectrogram());
            facts.setText(preview.clip().facts().describe());
        }
        draw();
        movePlayhead();
    }

    /** Shown while the clip is still being decoded in the background. */
    void showLoading(String what) {
        show(null);
        facts.setText("decoding " + what + "…");
    }

    void togglePlay() {
        if (ready()) {
            boolean start = !player.playing();
            if (start) {
                playback.set("playing");
            } else {
                playback.set(String.format(Locale.ROOT, "paused at %.1f s", seconds()));
            }
            player.toggle();
        }
    }

    void replay() {
        if (ready()) {
            playback.set("playing from the start");
            player.replay();
        }
    }

    void seekBy(double seconds) {
        if (ready()) {
            player.seek(player.position() + Math.round(seconds * player.sampleRate()));
            movePlayhead();
        }
    }

    void stop() {
        player.stop();
    }

    boolean playing() {
        return player.playing();
    }

    /** Playhead position in seconds. */
    double seconds() {
        return player.sampleRate() == 0 ? 0 : player.position() / (double) player.sampleRate();
    }

    private boolean ready() {
        return shown != null && shown.ok();
    }

    private void movePlayhead() {
        boolean visible = ready();
        playhead.setVisible(visible);
        if (visible) {
            double x = stack.getWidth() * player.position() / Math.max(1, shown.mono().length);
            playhead.setStartX(x);
            playhead.setEndX(x);
        }
        if (visible && !player.playing() && "playing".equals(playback.get())) {
            playback.set(player.position() >= shown.mono().length ? "played to the end (Shift+P replays)" : "");
        }
    }

    private void draw() {
        GraphicsContext g = waveform.getGraphicsContext2D();
        double w = waveform.getWidth();
        double h = waveform.getHeight();
        g.clearRect(0, 0, w, h);
        if (!ready() || w <= 0 || h <= 0) {
            return;
        }
        g.setStroke(Color.web("#8a8f98"));
        g.strokeLine(0, h / 2, w, h / 2);
        g.setStroke(Color.web("#3f7fd8"));
        float[] min = shown.envelopeMin();
        float[] max = shown.envelopeMax();
        for (int x = 0; x < (int) w; x++) {
            int c = (int) ((long) x * min.length / Math.max(1, (int) w));
            g.strokeLine(x + 0.5, h / 2 - max[c] * h / 2, x + 0.5, h / 2 - min[c] * h / 2);
        }
    }
}
