package interleave.app.files;

import interleave.app.AppModel;
import javafx.fxml.FXML;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The File menu (open, save, export PNG) and dropping a trace file onto the window. */
public final class FileMenuController {
    /** The folder the last dialog was in, for the next one. */
    private static File lastFolder;
    private final AppModel model;
    private final TraceFileActions actions;
    @FXML
    private MenuBar menuBar;
    @FXML
    private Menu recentMenu;
    @FXML
    private MenuItem saveProgramItem;

    public FileMenuController(AppModel model) {
        this.model = model;
        this.actions = new TraceFileActions(model);
    }

    @FXML
    private void initialize() {
        fillRecent();
        // only a demo whose program runs can become the user's own: greyed out otherwise, each time the menu opens
        saveProgramItem.getParentMenu().addEventHandler(Menu.ON_SHOWING,
                e -> saveProgramItem.setDisable(actions.whyNoDemoProgram() != null));
        model.recent().files().addListener(new javafx.collections.WeakListChangeListener<>(onRecentChanged));
        // the scene outlives a language switch, which rebuilds the views: setters, so handlers never pile up
        menuBar.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.setOnDragOver(this::onDragOver);
                scene.setOnDragDropped(this::onDragDropped);
            }
        });
    }

    private void onDragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void onDragDropped(DragEvent e) {
        List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
        if (!files.isEmpty()) {
            open(files.get(0).toPath());
        }
        e.setDropCompleted(!files.isEmpty());
        e.consume();
    }

    /** Held here, weakly by the list, which outlives this view. */
    private final javafx.collections.ListChangeListener<Path> onRecentChanged = c -> fillRecent();

    /** Open Recent: the files, most recent first, then Clear (a disabled "no recent files" when there are none). */
    private void fillRecent() {
        List<MenuItem> items = new ArrayList<>();
        List<Path> files = model.recent().files();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            MenuItem item = new MenuItem(RecentFilesViewModel.label(f));
            item.setMnemonicParsing(false); // a file name's underscores are not mnemonics
            item.setId("recent-" + i);
            item.setOnAction(e -> openRecent(f));
            items.add(item);
        }
        if (files.isEmpty()) {
            MenuItem none = new MenuItem(model.i18n().get("files.recent.none"));
            none.setId("recentNone");
            none.setDisable(true);
            items.add(none);
        }
        items.add(new SeparatorMenuItem());
        MenuItem clear = new MenuItem(model.i18n().get("files.recent.clear"));
        clear.setId("recentClear");
        clear.setDisable(files.isEmpty());
        clear.setOnAction(e -> model.recent().clear());
        items.add(clear);
        recentMenu.getItems().setAll(items);
    }

    /** An entry of Open Recent: opened as File > Open would, or removed with a message if the file is gone. */
    void openRecent(Path file) {
        String gone = model.recent().checkBeforeOpen(file);
        if (gone != null) {
            model.messageProperty().set(gone);
            return;
        }
        open(file);
    }

    /** Reads in the background with a busy cursor; the result shows when it is ready. Unsaved edits: asks first. */
    private void open(Path file) {
        if (!model.editor().mayLeave()) {
            return;
        }
        Scene scene = menuBar.getScene();
        if (scene != null) {
            scene.setCursor(Cursor.WAIT);
        }
        actions.openInBackground(file, shown -> {
            if (scene != null) {
                scene.setCursor(null);
            }
        });
    }

    private Window window() {
        Scene s = menuBar.getScene();
        return s == null ? null : s.getWindow();
    }

    private FileChooser chooser(String titleKey, FileChooser.ExtensionFilter filter) {
        FileChooser c = new FileChooser();
        c.setTitle(model.i18n().get(titleKey).replace("…", ""));
        c.getExtensionFilters().addAll(filter, new FileChooser.ExtensionFilter(model.i18n().get("files.filter.all"),
                "*"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            c.setInitialDirectory(lastFolder);
        }
        return c;
    }

    private static FileChooser.ExtensionFilter filter(AppModel m, String key, String... patterns) {
        return new FileChooser.ExtensionFilter(m.i18n().get(key), patterns);
    }

    @FXML
    private void onOpen() {
        File f = chooser("files.open", filter(model, "files.filter.open", "*.trace", "*.jsonl", "*.py"))
                .showOpenDialog(window());
        if (f != null) {
            lastFolder = f.getParentFile();
            open(f.toPath());
        }
    }

    @FXML
    private void onSave() {
        FileChooser c = chooser("files.save", filter(model, "files.filter.trace", "*.trace"));
        c.setInitialFileName(actions.suggestedName(".trace"));
        File f = c.showSaveDialog(window());
        if (f != null) {
            lastFolder = f.getParentFile();
            actions.save(withExtension(f.toPath(), ".trace"));
        }
    }

    /** The demo's program as a .py file of the teacher's, opened at once to change and run. */
    @FXML
    private void onSaveProgram() {
        String why = actions.whyNoDemoProgram();
        if (why != null) { // said before a dialog asks for a file that would not be written
            model.messageProperty().set(why);
            return;
        }
        if (!model.editor().mayLeave()) {
            return;
        }
        FileChooser c = chooser("files.saveProgram", filter(model, "files.filter.python", "*.py"));
        c.setInitialFileName(actions.suggestedProgramName());
        File f = c.showSaveDialog(window());
        if (f != null) {
            lastFolder = f.getParentFile();
            actions.saveDemoProgram(withExtension(f.toPath(), ".py"));
        }
    }

    @FXML
    private void onExportPng() {
        FileChooser c = chooser("files.exportPng", filter(model, "files.filter.png", "*.png"));
        c.setInitialFileName(actions.suggestedName(".png"));
        File f = c.showSaveDialog(window());
        if (f != null) {
            lastFolder = f.getParentFile();
            actions.exportPng(withExtension(f.toPath(), ".png"));
        }
    }

    /** "run" becomes "run.trace"; a name that has an extension is kept as typed. */
    static Path withExtension(Path p, String extension) {
        String name = p.getFileName().toString();
        return name.contains(".") ? p : p.resolveSibling(name + extension);
    }
}
