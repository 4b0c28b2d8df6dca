package org.querent.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.querent.store.LabelDefinition;

class KeyTableTest {
    static List<LabelDefinition> labels(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new LabelDefinition("class" + i, "", null)).toList();
    }

    @Test
    void digitsForTheFirstTenThenLettersNoCommandUses() {
        KeyTable table = KeyTable.of(labels(12));
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "B", "C"), table.labelKeys(),
                "A approves in the Review view, so the eleventh label gets B");
        assertTrue(table.clashes().isEmpty());
        assertEquals(Optional.of("class10"), table.labelOf("0"));
        assertEquals(Optional.of("class12"), table.labelOf("c"), "Shift is not distinguished");
        assertTrue(table.zeroIsLabel());
        assertFalse(KeyTable.of(labels(9)).zeroIsLabel());
    }

    @Test
    void noLabelEverGetsACommandKeyAndNoKeyIsGivenTwice() {
        KeyTable table = KeyTable.of(labels(34));
        List<String> given = table.labelKeys().stream().filter(k -> !k.isEmpty()).toList();
        assertEquals(given.size(), new HashSet<>(given).size(), "every key at most once");
        for (String command : KeyTable.RESERVED) {
            assertFalse(given.contains(command), command + " is a command");
        }
        assertEquals(10 + 26 - KeyTable.RESERVED.size(), given.size(), "every digit and free letter is used");
        assertEquals("", table.labelKeys().get(33), "more labels than keys: the rest are clicked");
    }

    @Test
    void aTaxonomyKeyWinsAndIsLeftOutOfThePool() {
        List<LabelDefinition> l = new ArrayList<>(labels(3));
        l.set(2, new LabelDefinition("class3", "", "1"));
        KeyTable table = KeyTable.of(l);
        assertEquals(List.of("2", "3", "1"), table.labelKeys());
    }

    @Test
    void aLabelOnACommandKeyIsAClashNamingBothAndLosesItsKey() {
        List<LabelDefinition> l = new ArrayList<>(labels(3));
        l.set(1, new LabelDefinition("eastern", "", "e"));
        KeyTable table = KeyTable.of(l);
        assertEquals(1, table.clashes().size());
        String clash = table.clashes().get(0);
        assertTrue(clash.contains("label 'eastern'") && clash.contains("escalate"), clash);
        assertEquals("", table.keyOf("eastern"));
        assertEquals(Optional.of("ESCALATE"), KeyTable.command("E", KeyTable.Screen.LABEL).map(c -> c.action().name()));
    }

    @Test
    void twoLabelsOnOneKeyIsAClashNamingBoth() {
        List<LabelDefinition> l = List.of(new LabelDefinition("ham", "", "h"), new LabelDefinition("spam", "", "H"));
        KeyTable table = KeyTable.of(l);
        assertEquals(1, table.clashes().size());
        assertTrue(table.clashes().get(0).contains("'ham'") && table.clashes().get(0).contains("'spam'"),
                table.clashes().get(0));
        assertEquals(List.of("H", ""), table.labelKeys());
    }

    @Test
    void commandsWorkOnlyOnTheirScreen() {
        assertTrue(KeyTable.command("A", KeyTable.Screen.REVIEW).isPresent());
        assertFalse(KeyTable.command("A", KeyTable.Screen.LABEL).isPresent());
        assertTrue(KeyTable.command("G", KeyTable.Screen.LABEL).isPresent());
        assertTrue(KeyTable.command("S", KeyTable.Screen.LABEL).isPresent());
        assertFalse(KeyTable.command("1", KeyTable.Screen.LABEL).isPresent());
    }

    @Test
    void theHelpListsEveryLabelWithItsKeyAndOffersZeroToFitOnlyWhenFree() {
        String ten = String.join("\n", KeyTable.of(labels(10)).help().values().stream()
                .flatMap(List::stream).map(r -> r[0] + " " + r[1]).toList());
        assertTrue(ten.contains("0 class10"), ten);
        assertFalse(ten.contains("fit the image (no label uses 0)"), ten);
        String nine = String.join("\n", KeyTable.of(labels(9)).help().values().stream()
                .flatMap(List::stream).map(r -> r[0] + " " + r[1]).toList());
        assertTrue(nine.contains("0 fit the image"), nine);
        assertTrue(nine.contains("E escalate"), nine);
    }
}
