package interleave.app.files;

import interleave.cli.Cli;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run --png}: the whole run's timeline drawn without a display (Monocle headless, as in CI). */
@ExtendWith(ApplicationExtension.class)
class TimelinePngTest {
    /** -c-alarm in interleave.css: the lost-update marks. */
    private static final int LOST = 0xB2182B;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // TestFX starts the toolkit; the CLI's renderer then draws on it as it is
    }

    private static int[] cli(StringWriter err, String... args) {
        return new int[] {Cli.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args)};
    }

    private static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void aRaceRendersAsAReadableSlideWithTheLostUpdatesMarked() throws Exception {
        Path png = dir.resolve("timeline.png");
        StringWriter err = new StringWriter();
        int code = cli(err, "run", "balance", "-p", "lock=off", "-p", "iterations=400", "--png", png.toString())[0];
        assertEquals(0, code, err.toString());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(TimelinePng.WIDTH, img.getWidth());
        assertTrue(img.getHeight() >= 300 && img.getHeight() <= 1400, "height " + img.getHeight());
        assertTrue(count(img, LOST) > 20, "lost-update marks in the alarm colour");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        assertTrue(colours.size() > 20, "not blank: " + colours.size() + " colours");
        assertTrue(count(img, 0xE69F00) + count(img, 0x56B4E9) > 1000, "thread lanes in the thread colours");
        assertFalse(Files.exists(dir.resolve("timeline.png.part")));
    }

    @Test
    void aLockedRunHasNoLostUpdateMarks() throws Exception {
        Path png = dir.resolve("locked.png");
        StringWriter err = new StringWriter();
        assertEquals(0, cli(err, "run", "balance", "-p", "lock=on", "-p", "iterations=400", "--png",
                png.toString())[0], err.toString());
        assertEquals(0, count(ImageIO.read(png.toFile()), LOST));
    }

    @Test
    void aPngThatCannotBeWrittenExitsTwoWithOneLine() {
        StringWriter err = new StringWriter();
        int code = cli(err, "run", "balance", "-p", "iterations=50", "--png",
                dir.resolve("no/such/folder/t.png").toString())[0];
        assertEquals(2, code);
        assertTrue(err.toString().contains("cannot write") && err.toString().contains("does not exist"),
                err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(2, cli(err2, "run", "balance", "--png", dir.toString())[0]);
        assertTrue(err2.toString().contains("it is a folder"), err2.toString());
    }
}
