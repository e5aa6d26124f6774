package interleave.app.cpu;

import interleave.app.AppModel;
import interleave.app.session.RunSession;
import javafx.fxml.FXML;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;

/** Hosts the CPU and resources canvas; a click on a ready thread makes it run next (sim mode). */
public final class CpuController {
    private final AppModel model;
    private final CpuCanvas canvas;
    @FXML
    private StackPane canvasHost;
    @FXML
    private javafx.scene.control.ScrollPane scroller;
    private long themeVersion = -1;

    public CpuController(AppModel model) {
        this.model = model;
        this.canvas = new CpuCanvas(new CpuViewModel(), model.theme(), model.i18n());
        canvas.setId("cpuCanvas");
    }

    @FXML
    private void initialize() {
        canvasHost.getChildren().add(canvas);
        scroller.viewportBoundsProperty().addListener((o, a, b) -> canvas.setViewportHeight(b.getHeight()));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            int id = canvas.readyThreadAt(e.getX(), e.getY());
            if (id >= 0) {
                model.session().pick(id);
            }
        });
        model.addFrameListener(changed -> {
            RunSession s = model.session();
            if (changed) {
                canvas.setAnalyzer(s.shown(), s.settings().mode() == interleave.engine.Mode.SIM
                        ? s.settings().cores() : 1);
                canvas.setStory(model.story().current());
                canvas.dataChanged();
            }
            if (themeVersion != model.theme().version()) {
                themeVersion = model.theme().version();
                canvas.markDirty();
            }
            canvas.frame(System.nanoTime());
        });
    }
}
