package org.querent.ui.common;

import javafx.scene.Parent;
import javafx.scene.Scene;

/** Light or dark colours and a font scale (100, 125, 150 %), applied to a scene. Sizes in the CSS are in em. */
public final class Theme {
    private static final double BASE_FONT_PX = 13;

    private Theme() {
    }

    public static void apply(Scene scene, String theme, int fontScalePercent) {
        scene.getStylesheets().setAll(
                css("base.css"),
                css("dark".equals(theme) ? "dark.css" : "light.css"));
        applyFont(scene.getRoot(), fontScalePercent);
    }

    public static void applyFont(Parent root, int fontScalePercent) {
        root.setStyle("-fx-font-size: " + (BASE_FONT_PX * fontScalePercent / 100.0) + "px;");
    }

    private static String css(String name) {
        return Theme.class.getResource("/org/querent/ui/" + name).toExternalForm();
    }
}
