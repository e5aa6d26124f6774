package interleave.app.files;

import java.nio.file.Path;
import java.util.List;

/**
 * Where File > Open Recent keeps its list between runs of the app: the user's preferences, or a JSON file
 * (tests, and anyone who sets {@code -Dinterleave.recent.file=PATH}). Never Java serialization.
 */
public interface RecentFilesStore {
    /** The system property that puts the list in a JSON file instead of the user's preferences. */
    String FILE_PROPERTY = "interleave.recent.file";

    /** The stored paths, most recent first; an empty list if there are none or the store cannot be read. */
    List<String> load();

    /** Replaces the stored list; a store that cannot be written keeps the list for this run only. */
    void save(List<String> paths);

    /** The JSON file named by {@link #FILE_PROPERTY} if it is set, else the user's preferences. */
    static RecentFilesStore forThisUser() {
        String file = System.getProperty(FILE_PROPERTY);
        if (file != null && !file.isBlank()) {
            return new JsonRecentFilesStore(Path.of(file));
        }
        return new PreferencesRecentFilesStore(java.util.prefs.Preferences.userRoot().node("interleave/app"));
    }
}
