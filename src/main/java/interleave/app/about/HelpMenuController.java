package interleave.app.about;

import interleave.app.AppModel;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Modality;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The Help menu: About Interleave opens the About box over the main window. */
public final class HelpMenuController {
    private final AppModel model;

    public HelpMenuController(AppModel model) {
        this.model = model;
    }

    @FXML
    private void onAbout(javafx.event.ActionEvent event) {
        FXMLLoader loader = new FXMLLoader(HelpMenuController.class.getResource("/interleave/app/about/AboutView.fxml"),
                model.i18n().bundle());
        loader.setControllerFactory(type -> new AboutController(model));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the item's popup belongs to the main window
        Stage owner = (Stage) ((javafx.scene.control.MenuItem) event.getSource()).getParentPopup().getOwnerWindow();
        Stage about = new Stage();
        about.initOwner(owner);
        about.initModality(Modality.WINDOW_MODAL);
        about.setTitle(new AboutViewModel(model.i18n()).title());
        about.getIcons().setAll(owner.getIcons());
        Scene scene = new Scene(root);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                about.close();
            }
        });
        about.setScene(scene);
        about.setResizable(false);
        about.show();
    }
}
