package interleave.app.files;

import interleave.app.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.prefs.AbstractPreferences;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File > Open recent: order, limit, persistence in both stores, a missing file, Clear. */
class RecentFilesTest {
    @TempDir
    Path dir;

    private Path file(String name) throws Exception {
        return Files.writeString(dir.resolve(name), "x\n");
    }

    private RecentFilesViewModel recent(RecentFilesStore store) {
        return new RecentFilesViewModel(store, new I18n(Locale.ENGLISH));
    }

    @Test
    void mostRecentFirstEachFileOnceAtMostTen() throws Exception {
        RecentFilesViewModel vm = recent(new JsonRecentFilesStore(dir.resolve("recent.json")));
        for (int i = 0; i < 12; i++) {
            vm.add(file("p" + i + ".py"));
        }
        assertEquals(RecentFilesViewModel.MAX, vm.files().size());
        assertEquals(dir.resolve("p11.py"), vm.files().get(0));
        assertEquals(dir.resolve("p2.py"), vm.files().get(9), "the two oldest dropped off");
        vm.add(dir.resolve("p5.py"));
        assertEquals(dir.resolve("p5.py"), vm.files().get(0), "opened again: to the top, not twice");
        assertEquals(10, vm.files().stream().distinct().count());
        vm.add(dir.resolve("sub/../run.trace"));
        assertEquals(dir.resolve("run.trace"), vm.files().get(0), "paths are kept normalized");
    }

    @Test
    void theListIsThereAfterARestartFromTheJsonFile() throws Exception {
        Path store = dir.resolve("config/recent.json");
        RecentFilesViewModel first = recent(new JsonRecentFilesStore(store));
        first.add(file("a.py"));
        first.add(file("b.trace"));
        RecentFilesViewModel again = recent(new JsonRecentFilesStore(store));
        assertEquals(List.of(dir.resolve("b.trace"), dir.resolve("a.py")), List.copyOf(again.files()));
        assertTrue(Files.readString(store).contains("\"recent\""));
        again.clear();
        assertEquals(List.of(), recent(new JsonRecentFilesStore(store)).files());
    }

    @Test
    void aDamagedStoreIsAnEmptyList() throws Exception {
        Path store = Files.writeString(dir.resolve("recent.json"), "{not json");
        assertEquals(List.of(), recent(new JsonRecentFilesStore(store)).files());
        Files.writeString(store, "{\"recent\": [\"" + dir.resolve("a.py").toString().replace("\\", "\\\\")
                + "\", 3, null, \"\"]}");
        assertEquals(List.of(dir.resolve("a.py")), List.copyOf(recent(new JsonRecentFilesStore(store)).files()));
    }

    @Test
    void aMissingFileIsRemovedWithAMessage() throws Exception {
        RecentFilesViewModel vm = recent(new JsonRecentFilesStore(dir.resolve("recent.json")));
        Path kept = file("kept.py");
        Path gone = file("gone.py");
        vm.add(kept);
        vm.add(gone);
        assertNull(vm.checkBeforeOpen(kept));
        Files.delete(gone);
        assertEquals("gone.py is no longer in " + dir + ": it was removed from Open recent.",
                vm.checkBeforeOpen(gone));
        assertEquals(List.of(kept), List.copyOf(vm.files()));
        assertEquals(List.of(kept), List.copyOf(recent(new JsonRecentFilesStore(dir.resolve("recent.json")))
                .files()), "and it stays removed");
        assertEquals("kept.py  \u2013  " + dir, RecentFilesViewModel.label(kept));
    }

    @Test
    void thePreferencesStoreKeepsTheListUnderOneKey() throws Exception {
        Preferences node = new MemoryPreferences();
        RecentFilesViewModel vm = recent(new PreferencesRecentFilesStore(node));
        vm.add(file("a.py"));
        vm.add(file("b.py"));
        assertTrue(node.get(PreferencesRecentFilesStore.KEY, "").startsWith("["));
        assertEquals(List.of(dir.resolve("b.py"), dir.resolve("a.py")),
                List.copyOf(recent(new PreferencesRecentFilesStore(node)).files()));
        node.put(PreferencesRecentFilesStore.KEY, "garbage");
        assertEquals(List.of(), recent(new PreferencesRecentFilesStore(node)).files());
        // very long paths: the oldest are left out rather than the value refused
        List<String> longOnes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            longOnes.add("/" + "d".repeat(1500) + "/" + i + ".py");
        }
        new PreferencesRecentFilesStore(node).save(longOnes);
        List<String> stored = new PreferencesRecentFilesStore(node).load();
        assertTrue(stored.size() >= 4 && stored.size() < 10, String.valueOf(stored.size()));
        assertEquals(longOnes.subList(0, stored.size()), stored);
    }

    /** Preferences in memory: the test never touches the user's real ones. */
    private static final class MemoryPreferences extends AbstractPreferences {
        private final Map<String, String> values = new HashMap<>();

        MemoryPreferences() {
            super(null, "");
        }

        @Override
        protected void putSpi(String key, String value) {
            values.put(key, value);
        }

        @Override
        protected String getSpi(String key) {
            return values.get(key);
        }

        @Override
        protected void removeSpi(String key) {
            values.remove(key);
        }

        @Override
        protected void removeNodeSpi() {
        }

        @Override
        protected String[] keysSpi() {
            return values.keySet().toArray(String[]::new);
        }

        @Override
        protected String[] childrenNamesSpi() {
            return new String[0];
        }

        @Override
        protected AbstractPreferences childSpi(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void syncSpi() {
        }

        @Override
        protected void flushSpi() {
        }
    }
}
