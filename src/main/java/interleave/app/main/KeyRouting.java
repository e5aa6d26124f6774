package interleave.app.main;

import javafx.geometry.Orientation;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;

/**
 * Which keys the window's clicker shortcuts may take and which belong to the focused control: a text field keeps
 * every key but F-keys (and a one-line field Page Up and Page Down, the clicker's back and next); a slider, list,
 * tree or choice box keeps its arrow keys (Page Down, Space and F5 stay the clicker's), but Left and Right step
 * where they would do nothing (a list that goes down, the demo list on a demo rather than a group: a clicker that
 * sends arrows works right after a demo was chosen); everything else goes to the transport.
 */
public final class KeyRouting {
    public static final double MIN_SCALE = 0.6;
    public static final double MAX_SCALE = 3;

    private KeyRouting() {
    }

    /** With the shortcut key down, the zoom keys (Ctrl + - 0) work from anywhere. */
    public static boolean belongsToControl(Object target, KeyCode code, boolean shortcutDown) {
        if (code.isFunctionKey()) {
            return false;
        }
        if (shortcutDown && (code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.MINUS
                || code == KeyCode.ADD || code == KeyCode.SUBTRACT || code == KeyCode.DIGIT0)) {
            return false;
        }
        if (target instanceof TextField && (code == KeyCode.PAGE_DOWN || code == KeyCode.PAGE_UP)) {
            return false; // a one-line field has no pages: the clicker's next and previous step still work there
        }
        if (target instanceof TextInputControl || target instanceof Spinner<?>
                || target instanceof org.fxmisc.richtext.GenericStyledArea<?, ?, ?>) { // the program editor
            return true;
        }
        boolean navigation = code.isArrowKey() || code.isNavigationKey();
        if (target instanceof Slider || target instanceof ChoiceBox<?> || target instanceof ComboBoxBase<?>) {
            return navigation || code == KeyCode.SPACE;
        }
        boolean sideways = code == KeyCode.LEFT || code == KeyCode.RIGHT || code == KeyCode.KP_LEFT
                || code == KeyCode.KP_RIGHT;
        if (target instanceof ListView<?> list) { // a list that goes down has no use for Left and Right
            return code.isArrowKey() && !(sideways && list.getOrientation() == Orientation.VERTICAL);
        }
        if (target instanceof TreeView<?> tree) { // the demo list: Left and Right fold a group, else they step
            return code.isArrowKey() && !(sideways && onALeaf(tree));
        }
        if (target instanceof TableView<?> || target instanceof ScrollPane) {
            return code.isArrowKey(); // Page Down stays the clicker's "next step"
        }
        return false;
    }

    /** Whether the tree's chosen item has nothing to fold (a demo, not a group). */
    private static boolean onALeaf(TreeView<?> tree) {
        TreeItem<?> chosen = tree.getSelectionModel().getSelectedItem();
        return chosen != null && chosen.isLeaf();
    }

    public static double bigger(double scale) {
        return Math.min(MAX_SCALE, Math.round((scale + 0.1) * 10) / 10.0);
    }

    public static double smaller(double scale) {
        return Math.max(MIN_SCALE, Math.round((scale - 0.1) * 10) / 10.0);
    }
}
