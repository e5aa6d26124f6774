package interleave.app.transport;

import interleave.app.AppModel;
import interleave.app.I18n;
import interleave.app.session.RunSession;
import interleave.scenario.ActionSpec;
import interleave.scenario.Scenario;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

import java.util.Locale;

/** The top bar: play/pause, step, run to end, reset, speed, time, status, actions, language, presentation. */
public final class TransportController {
    private final AppModel model;
    private final RunSession session;
    private final I18n i18n;
    private final TransportViewModel vm;
    @FXML
    private Button nowButton;
    @FXML
    private Button playButton;
    @FXML
    private Slider speedSlider;
    @FXML
    private Label speedLabel;
    @FXML
    private Label timeLabel;
    @FXML
    private Label countLabel;
    @FXML
    private Label statusLabel;
    @FXML
    private HBox actionBox;
    @FXML
    private HBox liveBox;
    @FXML
    private javafx.scene.layout.FlowPane bar;
    @FXML
    private javafx.scene.layout.VBox brand;
    @FXML
    private Button newSeedButton;
    @FXML
    private ChoiceBox<Locale> languageChoice;
    @FXML
    private ToggleButton presentToggle;
    @FXML
    private ToggleButton contrastToggle;
    private Scenario actionsFor;

    public TransportController(AppModel model) {
        this.model = model;
        this.session = model.session();
        this.i18n = model.i18n();
        this.vm = new TransportViewModel(session, i18n);
    }

    @FXML
    private void initialize() {
        speedSlider.setMin(0);
        speedSlider.setMax(RunSession.SPEEDS.length - 1);
        speedSlider.setMajorTickUnit(1);
        speedSlider.setMinorTickCount(0);
        speedSlider.setSnapToTicks(true);
        speedSlider.setValue(TransportViewModel.indexOf(session.speedProperty().get()));
        speedSlider.valueProperty().addListener((o, a, b) -> {
            int i = TransportViewModel.clamp((int) Math.round(b.doubleValue()));
            if (RunSession.SPEEDS[i] != session.speedProperty().get()) {
                session.setSpeed(RunSession.SPEEDS[i]);
            }
            speedLabel.setText(vm.speedLabel(i));
        });
        session.speedProperty().addListener((o, a, b) -> speedSlider.setValue(TransportViewModel.indexOf(b)));
        speedLabel.setText(vm.speedLabel((int) speedSlider.getValue()));
        languageChoice.getItems().setAll(I18n.ENGLISH, I18n.CHINESE);
        languageChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale l) {
                return l == null ? "" : l.getLanguage().equals("zh") ? "中文" : "English";
            }

            @Override
            public Locale fromString(String s) {
                return null;
            }
        });
        languageChoice.setValue(i18n.locale());
        languageChoice.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(i18n.locale())) {
                // rebuilding the views from inside this listener would pull the box out from under itself
                javafx.application.Platform.runLater(() -> i18n.setLocale(b));
            }
        });
        presentToggle.selectedProperty().bindBidirectional(model.presentingProperty());
        contrastToggle.selectedProperty().bindBidirectional(model.highContrastProperty());
        // the name is in the window's title: on a narrow screen or in front of a class its room goes to the controls
        brand.visibleProperty().bind(bar.widthProperty().greaterThanOrEqualTo(1280)
                .and(model.presentingProperty().not()));
        brand.managedProperty().bind(brand.visibleProperty());
        newSeedButton.setTooltip(new javafx.scene.control.Tooltip(i18n.get("transport.newSeed.tip")));
        // the status is shown from the session itself, whoever changed it (a button, a key, the run ending)
        session.statusProperty().addListener((o, a, b) -> showStatus());
        model.picker().fields().addListener(
                (javafx.collections.ListChangeListener<interleave.app.picker.PickerViewModel.Field>) c -> showLiveParams());
        model.addFrameListener(this::refresh);
        refresh(true);
        showLiveParams();
    }

    /** Play/Pause and the status pill, from the session's real state; cheap, so done every frame. */
    private void showStatus() {
        setIfDifferent(playButton, vm.playLabel());
        boolean past = session.inPast();
        if (nowButton.isVisible() != past) { // "back to now" only while looking back
            nowButton.setVisible(past);
            nowButton.setManaged(past);
        }
        setIfDifferent(statusLabel, vm.status());
        String cls = TransportViewModel.statusClass(session.status());
        if (!statusLabel.getStyleClass().contains(cls)) {
            statusLabel.getStyleClass().removeIf(TransportViewModel::isStatusClass);
            statusLabel.getStyleClass().add(cls);
        }
    }

    private static void setIfDifferent(javafx.scene.control.Labeled l, String text) {
        if (!text.equals(l.getText())) {
            l.setText(text);
        }
    }

    /**
     * The live parameters (the balance lock) are in this bar too: the switch a teacher flips mid-run must stay on
     * screen, and presentation mode hides the demo panel, while on a 1024x768 projector the panel's switch is
     * below its description.
     */
    private void showLiveParams() {
        liveBox.getChildren().clear();
        for (interleave.app.picker.PickerViewModel.Field f : model.picker().fields()) {
            if (f.spec().live() && f.spec() instanceof interleave.scenario.ParamSpec.BoolParam) {
                String key = "timeline.param." + f.spec().name(); // the switch's short name in the UI language ("锁")
                org.controlsfx.control.ToggleSwitch sw = new org.controlsfx.control.ToggleSwitch(
                        i18n.has(key) ? i18n.get(key) : f.spec().name());
                sw.setId("live-" + f.spec().name());
                sw.getStyleClass().add("live-switch");
                sw.setFocusTraversable(false);
                sw.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                sw.selectedProperty().bindBidirectional(f.onProperty());
                sw.setTooltip(new javafx.scene.control.Tooltip(i18n.get("transport.live.tip")));
                liveBox.getChildren().add(sw);
            }
        }
    }

    private void refresh(boolean changed) {
        showStatus();
        if (!changed) {
            return;
        }
        timeLabel.setText(vm.time());
        countLabel.setText(vm.counts());
        if (session.scenario() != actionsFor) {
            actionsFor = session.scenario();
            actionBox.getChildren().clear();
            if (actionsFor != null) {
                for (ActionSpec a : actionsFor.actions()) {
                    Button b = new Button(actionsFor.actionLabel(i18n.locale(), a.name()));
                    b.setId("action-" + a.name());
                    b.getStyleClass().add("action-button");
                    b.setOnAction(e -> {
                        if (model.ensurePrepared()) {
                            session.fire(a.name());
                        }
                    });
                    actionBox.getChildren().add(b);
                }
            }
        }
    }

    @FXML
    private void onPlay() {
        model.togglePlay();
        refresh(true);
    }

    @FXML
    private void onBack() {
        model.stepBack();
        refresh(true);
    }

    @FXML
    private void onNow() {
        model.goLive();
        refresh(true);
    }

    @FXML
    private void onStep() {
        model.step();
        refresh(true);
    }

    @FXML
    private void onRunToEnd() {
        model.runToEnd();
        refresh(true);
    }

    @FXML
    private void onNewSeed() {
        NewSeed.apply(model);
        refresh(true);
    }

    @FXML
    private void onReset() {
        model.reset();
        refresh(true);
    }
}
