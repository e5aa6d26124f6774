package interleave.app.files;

import interleave.app.I18n;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * File > Open Recent: the Python programs and saved traces opened or saved lately, most recent first, at most
 * {@link #MAX}, kept in a {@link RecentFilesStore} so they are there after a restart.
 */
public final class RecentFilesViewModel {
    public static final int MAX = 10;
    private final RecentFilesStore store;
    private final I18n i18n;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObservableList<Path> readOnly = FXCollections.unmodifiableObservableList(files);

    public RecentFilesViewModel(RecentFilesStore store, I18n i18n) {
        this.store = store;
        this.i18n = i18n;
        List<Path> read = new ArrayList<>();
        for (String s : store.load()) {
            try {
                Path p = Path.of(s).toAbsolutePath().normalize();
                if (!s.isBlank() && !read.contains(p) && read.size() < MAX) {
                    read.add(p);
                }
            } catch (InvalidPathException e) {
                // a path from another system: left out
            }
        }
        files.setAll(read);
    }

    /** The list, most recent first (read-only for views: change it through this model). */
    public ObservableList<Path> files() {
        return readOnly; // one wrapper: a listener on it must stay registered
    }

    /** A file opened or saved just now goes to the top (once); the eleventh drops off the bottom. */
    public void add(Path file) {
        Path p = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(p);
        next.add(0, p);
        while (next.size() > MAX) {
            next.remove(next.size() - 1);
        }
        files.setAll(next);
        persist();
    }

    /** Forgets one entry. */
    public void remove(Path file) {
        if (files.remove(file.toAbsolutePath().normalize())) {
            persist();
        }
    }

    /** The "Clear" entry: forgets them all. */
    public void clear() {
        files.clear();
        persist();
    }

    /**
     * Before opening an entry: null if the file is still there; else the entry is removed and the message for the
     * user is returned.
     */
    public String checkBeforeOpen(Path file) {
        if (Files.isRegularFile(file)) {
            return null;
        }
        remove(file);
        return i18n.fmt("files.recent.gone", String.valueOf(file.getFileName()), String.valueOf(file.getParent()));
    }

    /** How an entry reads in the menu: "balance.py  –  /home/me/lessons". */
    public static String label(Path file) {
        Path parent = file.getParent();
        return file.getFileName() + (parent == null ? "" : "  \u2013  " + parent);
    }

    private void persist() {
        store.save(files.stream().map(Path::toString).toList());
    }
}
