package interleave.app.about;

import interleave.app.AppModel;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The About box's window: fills its labels from the view-model; Close (or Esc) shuts it. */
public final class AboutController {
    private final AboutViewModel vm;
    @FXML
    private Label nameLabel;
    @FXML
    private Label versionLabel;
    @FXML
    private Label runtimeLabel;
    @FXML
    private Label textLabel;

    public AboutController(AppModel model) {
        this.vm = new AboutViewModel(model.i18n());
    }

    @FXML
    private void initialize() {
        nameLabel.setText(vm.name());
        versionLabel.setText(vm.version());
        runtimeLabel.setText(vm.runtime());
        textLabel.setText(vm.text());
    }

    @FXML
    private void onClose() {
        ((Stage) nameLabel.getScene().getWindow()).close();
    }
}
