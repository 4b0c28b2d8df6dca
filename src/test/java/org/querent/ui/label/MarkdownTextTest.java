package org.querent.ui.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import javafx.application.Platform;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MarkdownTextTest {
    @BeforeAll
    static void toolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // Another test started it.
        }
    }

    @Test
    void theGuidelineIsRenderedNotShownAsRawMarkdown() {
        List<Text> texts = MarkdownText.texts("# Lists\n\nLabel **exmh** for the _exmh_ mail reader.\n\n"
                + "- first rule\n- second rule with `code`\n");
        String shown = texts.stream().map(Text::getText).collect(Collectors.joining());
        assertFalse(shown.contains("**") || shown.contains("# ") || shown.contains("_exmh_"), shown);
        assertTrue(shown.contains("• first rule") && shown.contains("• second rule"), shown);
        Text bold = texts.stream().filter(t -> t.getText().equals("exmh") && t.getStyle().contains("bold"))
                .findFirst().orElseThrow();
        assertTrue(bold.getStyle().contains("-fx-font-weight: bold"), bold.getStyle());
        assertTrue(texts.stream().anyMatch(t -> t.getText().equals("exmh") && t.getStyle().contains("italic")));
        assertEquals("Lists", texts.get(0).getText());
        assertTrue(texts.get(0).getStyle().contains("1.4em"));
        assertTrue(texts.stream().anyMatch(t -> t.getText().equals("code") && t.getStyle().contains("monospace")));
    }
}
