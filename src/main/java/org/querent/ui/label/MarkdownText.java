package org.querent.ui.label;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;

/**
 * Renders a guideline's Markdown (CommonMark) as styled JavaFX text: headings, bold, italics, code,
 * lists and paragraphs. A guideline is short prose for a person, so a TextFlow is enough; the stack
 * has no WebView. Styles are inline so a TextFlow works in any dialog.
 */
final class MarkdownText {
    private MarkdownText() {
    }

    static TextFlow render(String markdown) {
        TextFlow flow = new TextFlow();
        flow.getChildren().addAll(texts(markdown == null ? "" : markdown));
        return flow;
    }

    static List<Text> texts(String markdown) {
        Renderer renderer = new Renderer();
        Parser.builder().build().parse(markdown).accept(renderer);
        return renderer.out;
    }

    private static final class Renderer extends AbstractVisitor {
        final List<Text> out = new ArrayList<>();
        private final List<String> styles = new ArrayList<>();
        private int listDepth;

        private void emit(String text, String extraStyle) {
            Text t = new Text(text);
            StringBuilder style = new StringBuilder();
            styles.forEach(style::append);
            if (extraStyle != null) {
                style.append(extraStyle);
            }
            t.setStyle(style.toString());
            t.getStyleClass().add("guideline-text");
            out.add(t);
        }

        private void block(Node node) {
            visitChildren(node);
            emit("\n\n", null);
        }

        private void styled(String style, Node node) {
            styles.add(style);
            visitChildren(node);
            styles.remove(styles.size() - 1);
        }

        @Override
        public void visit(org.commonmark.node.Text text) {
            emit(text.getLiteral(), null);
        }

        @Override
        public void visit(Heading heading) {
            styles.add("-fx-font-weight: bold; -fx-font-size: " + (heading.getLevel() <= 1 ? "1.4em" : "1.15em") + ";");
            block(heading);
            styles.remove(styles.size() - 1);
        }

        @Override
        public void visit(Paragraph paragraph) {
            if (paragraph.getParent() instanceof ListItem) {
                visitChildren(paragraph);
                emit("\n", null);
            } else {
                block(paragraph);
            }
        }

        @Override
        public void visit(StrongEmphasis strong) {
            styled("-fx-font-weight: bold;", strong);
        }

        @Override
        public void visit(Emphasis emphasis) {
            styled("-fx-font-style: italic;", emphasis);
        }

        @Override
        public void visit(Code code) {
            emit(code.getLiteral(), "-fx-font-family: monospace;");
        }

        @Override
        public void visit(FencedCodeBlock code) {
            emit(code.getLiteral() + "\n", "-fx-font-family: monospace;");
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            emit(code.getLiteral() + "\n", "-fx-font-family: monospace;");
        }

        /** A list one level deeper; the outermost list ends with a blank line like a paragraph. */
        private void list(Runnable items) {
            listDepth++;
            items.run();
            listDepth--;
            if (listDepth == 0) {
                emit("\n", null);
            }
        }

        @Override
        public void visit(BulletList list) {
            list(() -> visitChildren(list));
        }

        @Override
        public void visit(OrderedList list) {
            list(() -> {
                int number = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    emit("  ".repeat(listDepth - 1) + "  " + number++ + ". ", null);
                    visitChildren(item);
                }
            });
        }

        @Override
        public void visit(ListItem item) {
            emit("  ".repeat(listDepth - 1) + "  • ", null);
            visitChildren(item);
        }

        @Override
        public void visit(SoftLineBreak softLineBreak) {
            emit(" ", null);
        }

        @Override
        public void visit(HardLineBreak hardLineBreak) {
            emit("\n", null);
        }
    }
}
