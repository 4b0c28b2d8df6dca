package org.querent.ui.shell;

import java.nio.file.Path;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import org.querent.ui.settings.UserSettings;

/** The menu bar: its items, accelerators and ids (tests find items by id); the actions are the window's. */
final class AppMenus {

    /** What the menus ask the window to do. */
    interface Actions {
        void newProject();

        void chooseProject();

        void openSample();

        void openProject(Path file);

        void closeToStart();

        void quit();

        void showScreen(Workbench.Screen screen);

        void setTheme(String theme);

        void setFontScale(int percent);

        void showKeys();

        /** Promote a model version or roll back. */
        void versions();

        void exportModel();

        void exportLabels();

        void importLabels();
    }

    private final UserSettings settings;
    private final Actions actions;
    private final Menu recent = new Menu("Open recent");
    private final MenuBar bar;

    AppMenus(UserSettings settings, Actions actions) {
        this.settings = settings;
        this.actions = actions;
        this.bar = build();
    }

    MenuBar bar() {
        return bar;
    }

    /** Re-reads the recent projects from the settings. */
    void refreshRecent() {
        recent.getItems().clear();
        for (Path p : settings.recentProjects()) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> actions.openProject(p));
            recent.getItems().add(item);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    private MenuBar build() {
        MenuItem newProject = item("New project…", "menu-new", "Shortcut+N", actions::newProject);
        MenuItem openFile = item("Open project…", "menu-open", "Shortcut+O", actions::chooseProject);
        MenuItem sample = item("Open the sample project", "menu-sample", null, actions::openSample);
        MenuItem close = item("Close project", "menu-close", "Shortcut+W", actions::closeToStart);
        MenuItem quit = item("Quit", "menu-quit", "Shortcut+Q", actions::quit);
        refreshRecent();
        Menu file = new Menu("File", null, newProject, openFile, sample, recent, new SeparatorMenuItem(), close, quit);

        MenuItem labelTab = item("Label", "menu-label", "Shortcut+1", () -> actions.showScreen(Workbench.Screen.LABEL));
        MenuItem browseTab = item("Browse", "menu-browse", "Shortcut+2", () -> actions.showScreen(Workbench.Screen.BROWSE));
        MenuItem progressTab = item("Progress", "menu-progress", "Shortcut+3",
                () -> actions.showScreen(Workbench.Screen.PROGRESS));
        MenuItem reviewTab = item("Review", "menu-review", "Shortcut+4", () -> actions.showScreen(Workbench.Screen.REVIEW));
        MenuItem taxonomyTab = item("Taxonomy", "menu-taxonomy", "Shortcut+5",
                () -> actions.showScreen(Workbench.Screen.TAXONOMY));
        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = radio("Light theme", themes, "light".equals(settings.theme()), () -> actions.setTheme("light"));
        RadioMenuItem dark = radio("Dark theme", themes, "dark".equals(settings.theme()), () -> actions.setTheme("dark"));
        ToggleGroup sizes = new ToggleGroup();
        Menu fontSize = new Menu("Text size");
        for (int percent : new int[] {100, 125, 150}) {
            fontSize.getItems().add(radio(percent + " %", sizes, settings.fontScale() == percent,
                    () -> actions.setFontScale(percent)));
        }
        Menu view = new Menu("View", null, labelTab, browseTab, progressTab, reviewTab, taxonomyTab, new SeparatorMenuItem(),
                light, dark, fontSize);

        MenuItem versions = item("Promote or roll back…", "menu-versions", "Shortcut+Shift+P", actions::versions);
        MenuItem exportModel = item("Export the model…", "menu-export-model", "Shortcut+Shift+M", actions::exportModel);
        Menu model = new Menu("Model", null, versions, exportModel);
        MenuItem importLabels = item("Import labels…", "menu-import-labels", "Shortcut+Shift+I", actions::importLabels);
        MenuItem exportLabels = item("Export labels…", "menu-export-labels", "Shortcut+Shift+E", actions::exportLabels);
        Menu labels = new Menu("Labels", null, importLabels, exportLabels);

        MenuItem keys = item("Keyboard shortcuts", "menu-keys", "F1", actions::showKeys);
        Menu help = new Menu("Help", null, keys);
        MenuBar menuBar = new MenuBar(file, view, model, labels, help);
        menuBar.setUseSystemMenuBar(true);
        return menuBar;
    }

    private static MenuItem item(String text, String id, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static RadioMenuItem radio(String text, ToggleGroup group, boolean selected, Runnable action) {
        RadioMenuItem item = new RadioMenuItem(text);
        item.setToggleGroup(group);
        item.setSelected(selected);
        item.setOnAction(e -> action.run());
        return item;
    }
}
