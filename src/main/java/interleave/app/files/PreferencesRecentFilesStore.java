package interleave.app.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The recent files in the user's preferences (java.util.prefs), as one JSON array under the key "recentFiles".
 * Read and written with Jackson's streaming parser: the list is read while the window opens, and Jackson's
 * object mapper would add a third of a second to the start-up for one array of strings.
 */
public final class PreferencesRecentFilesStore implements RecentFilesStore {
    static final String KEY = "recentFiles";
    private static final JsonFactory JSON = new JsonFactory();
    private final Preferences node;

    public PreferencesRecentFilesStore(Preferences node) {
        this.node = node;
    }

    @Override
    public List<String> load() {
        List<String> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(node.get(KEY, "[]"))) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return out;
            }
            for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == JsonToken.VALUE_STRING) {
                    out.add(p.getText());
                } else {
                    p.skipChildren(); // not a path: left out
                }
            }
            return out;
        } catch (IOException | IllegalStateException e) {
            return new ArrayList<>();
        }
    }

    @Override
    public void save(List<String> paths) {
        List<String> kept = new ArrayList<>(paths);
        try {
            String value = json(kept);
            while (value.length() > Preferences.MAX_VALUE_LENGTH && !kept.isEmpty()) {
                kept.remove(kept.size() - 1); // very long paths: the oldest go first
                value = json(kept);
            }
            node.put(KEY, value);
            node.flush();
        } catch (IOException | BackingStoreException | IllegalStateException e) {
            // kept for this run only
        }
    }

    private static String json(List<String> paths) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartArray();
            for (String p : paths) {
                g.writeString(p);
            }
            g.writeEndArray();
        }
        return w.toString();
    }
}
