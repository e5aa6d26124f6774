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
        model.addFrameListener(this::refresh);
        refresh(true);
    }

    private void refresh(boolean changed) {
        if (!changed) {
            return;
        }
        playButton.setText(vm.playLabel());
        statusLabel.setText(vm.status());
        statusLabel.getStyleClass().removeIf(c -> c.startsWith("status-"));
        statusLabel.getStyleClass().add("status-" + session.status().name().toLowerCase(Locale.ROOT));
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
    private void onReset() {
        model.reset();
        refresh(true);
    }
}
