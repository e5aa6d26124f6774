package interleave.app.picker;

import interleave.app.AppModel;
import interleave.app.I18n;
import interleave.engine.Mode;
import interleave.engine.Policy;
import interleave.scenario.ParamSpec;
import interleave.scenario.Scenario;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.ToggleSwitch;

/** The left panel: demos grouped by topic, the parameter form and the scheduler settings. */
public final class PickerController {
    private final AppModel model;
    private final PickerViewModel vm;
    private final I18n i18n;
    @FXML
    private TreeView<Object> scenarioTree;
    @FXML
    private Label description;
    @FXML
    private VBox loadProblemBox;
    @FXML
    private Label loadProblemTitle;
    @FXML
    private Label loadProblemDetail;
    @FXML
    private VBox paramBox;
    @FXML
    private ChoiceBox<Mode> modeChoice;
    @FXML
    private Spinner<Integer> coresSpinner;
    @FXML
    private TextField quantumField;
    @FXML
    private ChoiceBox<Policy> policyChoice;
    @FXML
    private TextField seedField;
    @FXML
    private Label settingsError;
    @FXML
    private Label pendingHint;
    @FXML
    private VBox programInputBox;
    @FXML
    private javafx.scene.control.TextArea programInputArea;
    @FXML
    private Label programInputError;
    @FXML
    private javafx.scene.control.Button programInputApply;

    public PickerController(AppModel model) {
        this.model = model;
        this.vm = model.picker();
        this.i18n = model.i18n();
    }

    @FXML
    private void initialize() {
        TreeItem<Object> rootItem = new TreeItem<>("root");
        TreeItem<Object> toSelect = null;
        for (PickerViewModel.Group g : vm.groups()) {
            TreeItem<Object> topic = new TreeItem<>(g.topic());
            topic.setExpanded(true);
            for (Scenario s : g.scenarios()) {
                TreeItem<Object> item = new TreeItem<>(s);
                topic.getChildren().add(item);
                // nothing chosen yet: the headline demo; after a program failed to load, nothing (it says why)
                boolean firstStart = vm.selectedProperty().get() == null && vm.loadProblemProperty().get() == null;
                if (s == vm.selectedProperty().get() || (firstStart && s.id().equals("balance"))) {
                    toSelect = item;
                }
            }
            rootItem.getChildren().add(topic);
        }
        scenarioTree.setRoot(rootItem);
        scenarioTree.setShowRoot(false);
        scenarioTree.setCellFactory(t -> new ScenarioCell());
        scenarioTree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && item.getValue() instanceof Scenario s && s != vm.selectedProperty().get()) {
                if (model.editor().dirty()) {
                    // unsaved edits: ask first (after this selection change is over), and stay if the user cancels
                    javafx.application.Platform.runLater(() -> {
                        if (model.editor().mayLeave()) {
                            vm.selectedProperty().set(s);
                        } else {
                            selectInTree(vm.selectedProperty().get());
                        }
                    });
                    return;
                }
                vm.selectedProperty().set(s);
            }
        });
        vm.selectedProperty().addListener((o, a, s) -> {
            showScenario(s);
            selectInTree(s);
        });
        vm.loadProblemProperty().addListener((o, a, p) -> showLoadProblem(p));
        vm.fields().addListener((javafx.collections.ListChangeListener<PickerViewModel.Field>) c -> buildForm());

        modeChoice.getItems().setAll(Mode.values());
        modeChoice.setConverter(converter(m -> i18n.get("mode." + m.id())));
        modeChoice.valueProperty().bindBidirectional(vm.modeProperty());
        policyChoice.getItems().setAll(Policy.values());
        policyChoice.setConverter(converter(p -> i18n.get("policy." + p.id())));
        policyChoice.valueProperty().bindBidirectional(vm.policyProperty());
        coresSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 16, vm.coresProperty().get()));
        coresSpinner.valueProperty().addListener((o, a, b) -> vm.coresProperty().set(b));
        vm.coresProperty().addListener((o, a, b) -> coresSpinner.getValueFactory().setValue(b.intValue()));
        quantumField.textProperty().bindBidirectional(vm.quantumProperty());
        seedField.textProperty().bindBidirectional(vm.seedProperty());
        pendingHint.textProperty().bind(vm.pendingHintProperty());
        pendingHint.visibleProperty().bind(vm.pendingHintProperty().isNotEmpty());
        pendingHint.managedProperty().bind(pendingHint.visibleProperty());
        settingsError.textProperty().bind(vm.settingsErrorProperty());
        settingsError.visibleProperty().bind(vm.settingsErrorProperty().isNotEmpty());
        settingsError.managedProperty().bind(settingsError.visibleProperty());

        ProgramInputViewModel input = model.programInput();
        programInputArea.textProperty().bindBidirectional(input.textProperty());
        programInputBox.visibleProperty().bind(input.visibleProperty());
        programInputBox.managedProperty().bind(input.visibleProperty());
        programInputApply.disableProperty().bind(input.changedProperty().not());
        programInputError.textProperty().bind(input.errorProperty());
        programInputError.visibleProperty().bind(input.errorProperty().isNotEmpty());
        programInputError.managedProperty().bind(programInputError.visibleProperty());

        if (toSelect != null) {
            scenarioTree.getSelectionModel().select(toSelect);
            reveal(toSelect);
        }
        showScenario(vm.selectedProperty().get());
        showLoadProblem(vm.loadProblemProperty().get());
        buildForm();
    }

    /** A program that could not load takes the description's place; the tree then has no demo marked. */
    private void showLoadProblem(LoadProblem p) {
        boolean shown = p != null;
        loadProblemBox.setVisible(shown);
        loadProblemBox.setManaged(shown);
        description.setVisible(!shown);
        description.setManaged(!shown);
        loadProblemTitle.setText(shown ? p.title(i18n) : "");
        loadProblemDetail.setText(shown ? p.detail(i18n) : "");
        if (shown) {
            scenarioTree.getSelectionModel().clearSelection();
        }
    }

    /** The program again with the answers as typed; the run is reset to it. */
    @FXML
    private void onApplyInput() {
        Scenario reloaded = model.programInput().apply();
        if (reloaded != null) {
            model.runReloaded(reloaded);
        }
    }

    /**
     * Scrolls the selected demo into view. The tree's cells wrap their text, so their heights are only known
     * after a layout pass; scrolling before it lands in the wrong place, hence once now and once after layout.
     */
    private void reveal(TreeItem<Object> item) {
        int row = Math.max(0, scenarioTree.getRow(item) - 1);
        scenarioTree.scrollTo(row);
        javafx.application.Platform.runLater(() -> scenarioTree.scrollTo(Math.max(0, scenarioTree.getRow(item) - 1)));
    }

    private void selectInTree(Scenario s) {
        if (s == null) {
            scenarioTree.getSelectionModel().clearSelection();
            return;
        }
        for (TreeItem<Object> topic : scenarioTree.getRoot().getChildren()) {
            for (TreeItem<Object> item : topic.getChildren()) {
                if (item.getValue() == s) {
                    if (scenarioTree.getSelectionModel().getSelectedItem() != item) {
                        scenarioTree.getSelectionModel().select(item);
                        reveal(item);
                    }
                    return;
                }
            }
        }
        if (s != null && s.topic() == interleave.scenario.Topic.YOUR_PROGRAMS) {
            addYourProgram(s);
        }
    }

    /** An opened Python program goes in a "Your programs" group, made when the first one is opened. */
    private void addYourProgram(Scenario s) {
        TreeItem<Object> group = scenarioTree.getRoot().getChildren().stream()
                .filter(t -> t.getValue() == interleave.scenario.Topic.YOUR_PROGRAMS).findFirst().orElse(null);
        if (group == null) {
            group = new TreeItem<>(interleave.scenario.Topic.YOUR_PROGRAMS);
            group.setExpanded(true);
            scenarioTree.getRoot().getChildren().add(0, group);
        }
        // the same file opened again replaces its older entry
        group.getChildren().removeIf(i -> i.getValue() instanceof Scenario o && o.summary(i18n.locale())
                .equals(s.summary(i18n.locale())));
        TreeItem<Object> item = new TreeItem<>(s);
        group.getChildren().add(0, item);
        scenarioTree.getSelectionModel().select(item);
        reveal(item);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private void showScenario(Scenario s) {
        description.setText(s == null ? "" : s.description(i18n.locale()));
    }

    private void buildForm() {
        paramBox.getChildren().clear();
        Scenario s = vm.selectedProperty().get();
        for (PickerViewModel.Field f : vm.fields()) {
            ParamSpec spec = f.spec();
            Label name = new Label(spec.name());
            name.getStyleClass().add("param-name");
            Label help = new Label(s.paramHelp(i18n.locale(), spec.name()));
            help.getStyleClass().add("param-help");
            help.setWrapText(true);
            VBox row = new VBox(name);
            row.getStyleClass().add("param-row");
            if (spec instanceof ParamSpec.BoolParam) {
                ToggleSwitch sw = new ToggleSwitch();
                sw.setId("param-" + spec.name());
                sw.selectedProperty().bindBidirectional(f.onProperty());
                if (spec.live()) {
                    // its own label, which wraps: a switch's text never does, and made the panel wider than a
                    // 1024x768 screen has room for (cutting the scheduler settings)
                    Label live = new Label(i18n.get("params.live"));
                    live.getStyleClass().add("param-live");
                    live.setWrapText(true);
                    live.setLabelFor(sw);
                    live.setOnMouseClicked(e -> sw.setSelected(!sw.isSelected()));
                    javafx.scene.layout.HBox line = new javafx.scene.layout.HBox(live, sw);
                    line.getStyleClass().add("param-live-row");
                    row.getChildren().add(line);
                } else {
                    row.getChildren().add(sw);
                }
            } else if (spec instanceof ParamSpec.ChoiceParam c) {
                ChoiceBox<String> box = new ChoiceBox<>();
                box.setId("param-" + spec.name());
                box.getItems().setAll(c.choices());
                box.valueProperty().bindBidirectional(f.textProperty());
                row.getChildren().add(box);
            } else {
                TextField field = new TextField();
                field.setId("param-" + spec.name());
                field.textProperty().bindBidirectional(f.textProperty());
                row.getChildren().add(field);
            }
            Label error = new Label();
            error.getStyleClass().add("param-error");
            error.setWrapText(true);
            error.textProperty().bind(f.errorProperty());
            error.visibleProperty().bind(f.errorProperty().isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            error.setId("error-" + spec.name());
            row.getChildren().addAll(error, help);
            paramBox.getChildren().add(row);
        }
    }

    /** A topic header, or a demo's title with its one-line summary. */
    private final class ScenarioCell extends TreeCell<Object> {
        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("topic-cell", "scenario-cell");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
            } else if (item instanceof Scenario s) {
                Label title = new Label(s.title(i18n.locale()));
                title.getStyleClass().add("scenario-title");
                title.setWrapText(true); // a long title on two lines, not cut ("ThreadLocal: ..." at 1024 wide)
                Label summary = new Label(s.summary(i18n.locale()));
                summary.getStyleClass().add("scenario-summary");
                summary.setWrapText(true);
                // as wide as the tree: the panel narrows on a small screen
                summary.maxWidthProperty().bind(scenarioTree.widthProperty().subtract(60));
                title.maxWidthProperty().bind(scenarioTree.widthProperty().subtract(60));
                setText(null);
                setGraphic(new VBox(title, summary));
                getStyleClass().add("scenario-cell");
            } else {
                setText(interleave.scenario.Texts.get(i18n.locale(), ((interleave.scenario.Topic) item).key()));
                setGraphic(null);
                getStyleClass().add("topic-cell");
            }
        }
    }
}
