package interleave.app.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** The recent files in the user's preferences (java.util.prefs), as one JSON array under the key "recentFiles". */
public final class PreferencesRecentFilesStore implements RecentFilesStore {
    static final String KEY = "recentFiles";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Preferences node;

    public PreferencesRecentFilesStore(Preferences node) {
        this.node = node;
    }

    @Override
    public List<String> load() {
        try {
            String stored = node.get(KEY, "[]");
            List<String> out = new ArrayList<>();
            for (var n : JSON.readTree(stored)) {
                if (n.isTextual()) {
                    out.add(n.asText());
                }
            }
            return out;
        } catch (JsonProcessingException | IllegalStateException e) {
            return new ArrayList<>();
        }
    }

    @Override
    public void save(List<String> paths) {
        List<String> kept = new ArrayList<>(paths);
        try {
            String value = JSON.writeValueAsString(kept);
            while (value.length() > Preferences.MAX_VALUE_LENGTH && !kept.isEmpty()) {
                kept.remove(kept.size() - 1); // very long paths: the oldest go first
                value = JSON.writeValueAsString(kept);
            }
            node.put(KEY, value);
            node.flush();
        } catch (JsonProcessingException | BackingStoreException | IllegalStateException e) {
            // kept for this run only
        }
    }
}
