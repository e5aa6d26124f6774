package interleave.app.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The recent files in a small JSON file: {@code {"recent": ["/path/a.py", ...]}}. */
public final class JsonRecentFilesStore implements RecentFilesStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public JsonRecentFilesStore(Path file) {
        this.file = file;
    }

    @Override
    public List<String> load() {
        List<String> out = new ArrayList<>();
        try {
            if (!Files.isRegularFile(file)) {
                return out;
            }
            JsonNode recent = JSON.readTree(file.toFile()).path("recent");
            for (JsonNode n : recent) {
                if (n.isTextual()) {
                    out.add(n.asText());
                }
            }
        } catch (IOException e) {
            // a damaged list is an empty one: it is only a convenience
        }
        return out;
    }

    @Override
    public void save(List<String> paths) {
        ObjectNode root = JSON.createObjectNode();
        paths.forEach(root.putArray("recent")::add);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        } catch (IOException e) {
            // kept for this run only
        }
    }
}
