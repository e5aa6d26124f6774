package interleave.app.picker;

import interleave.app.I18n;
import interleave.app.session.RunSession;
import interleave.engine.Mode;
import interleave.engine.Policy;
import interleave.engine.RunSettings;
import interleave.scenario.ParamException;
import interleave.scenario.ParamSpec;
import interleave.scenario.Scenario;
import interleave.scenario.Scenarios;
import interleave.scenario.Topic;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario picker and its form: which demo, its parameters (validated as the user types) and the
 * scheduler settings. {@link #apply()} turns a valid form into the session's next run.
 */
public final class PickerViewModel {
    /** A topic and its demos, as the picker groups them. */
    public record Group(Topic topic, List<Scenario> scenarios) {
    }

    /** One parameter's editor state. */
    public static final class Field {
        private final ParamSpec spec;
        private final StringProperty text = new SimpleStringProperty();
        private final BooleanProperty on = new SimpleBooleanProperty();
        private final StringProperty error = new SimpleStringProperty("");
        private final I18n i18n;

        Field(ParamSpec spec, I18n i18n) {
            this.spec = spec;
            this.i18n = i18n;
            if (spec instanceof ParamSpec.BoolParam b) {
                on.set(b.defaultValue());
            }
            text.set(spec.format(spec.defaultValue()));
            text.addListener((o, a, b) -> validate());
        }

        public ParamSpec spec() {
            return spec;
        }

        public StringProperty textProperty() {
            return text;
        }

        public BooleanProperty onProperty() {
            return on;
        }

        public StringProperty errorProperty() {
            return error;
        }

        /** The typed value, or null (with the error set) if the text is not acceptable. */
        Object validate() {
            try {
                Object v = parse();
                error.set("");
                return v;
            } catch (ParamException e) {
                error.set(interleave.app.session.ParamMessages.text(i18n, e));
                return null;
            }
        }

        /** The typed value; leaves the error shown as it is. */
        private Object parse() throws ParamException {
            return spec instanceof ParamSpec.BoolParam ? on.get() : spec.parse(text.get() == null ? "" : text.get());
        }

        /** The typed value, or null if the text is not acceptable; leaves the error shown as it is. */
        Object value() {
            try {
                return parse();
            } catch (ParamException e) {
                return null;
            }
        }
    }

    private final RunSession session;
    private final I18n i18n;
    private final ObjectProperty<Scenario> selected = new SimpleObjectProperty<>();
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.SIM);
    private final IntegerProperty cores = new SimpleIntegerProperty(1);
    private final StringProperty quantum = new SimpleStringProperty("20");
    private final ObjectProperty<Policy> policy = new SimpleObjectProperty<>(Policy.RANDOM);
    private final StringProperty seed = new SimpleStringProperty("0");
    private final StringProperty settingsError = new SimpleStringProperty("");
    private final StringProperty pendingHint = new SimpleStringProperty("");
    private final ObjectProperty<LoadProblem> loadProblem = new SimpleObjectProperty<>();
    private final StringProperty message;

    public PickerViewModel(RunSession session, I18n i18n, StringProperty message) {
        this.session = session;
        this.i18n = i18n;
        this.message = message;
        selected.addListener((o, a, s) -> onSelected(s));
        i18n.localeProperty().addListener((o, a, b) -> {
            fields.forEach(Field::validate); // errors in the new language
            checkPending();
        });
        for (javafx.beans.Observable setting : List.of(mode, cores, quantum, policy, seed)) {
            setting.addListener(o -> checkPending());
        }
        session.statusProperty().addListener((o, a, b) -> checkPending());
    }

    public List<Group> groups() {
        List<Group> out = new ArrayList<>();
        for (Topic t : Topic.values()) {
            List<Scenario> in = Scenarios.all().stream().filter(s -> s.topic() == t).toList();
            if (!in.isEmpty()) {
                out.add(new Group(t, in));
            }
        }
        return out;
    }

    public ObjectProperty<Scenario> selectedProperty() {
        return selected;
    }

    public ObservableList<Field> fields() {
        return fields;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public IntegerProperty coresProperty() {
        return cores;
    }

    public StringProperty quantumProperty() {
        return quantum;
    }

    public ObjectProperty<Policy> policyProperty() {
        return policy;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public StringProperty settingsErrorProperty() {
        return settingsError;
    }

    public Field field(String name) {
        return fields.stream().filter(f -> f.spec().name().equals(name)).findFirst().orElse(null);
    }

    /**
     * The program the user opened last that could not load, or null: while it is set no demo is selected, and the
     * picker shows it where the description goes.
     */
    public ObjectProperty<LoadProblem> loadProblemProperty() {
        return loadProblem;
    }

    /**
     * A program the user opened cannot load: the picker says why instead of showing the demo that was selected
     * before, and nothing is selected (the run of that demo is dropped), so nothing pretends the old demo is still
     * the choice. Play then says the problem again; picking a demo or opening a program that loads clears it.
     */
    public void showLoadProblem(LoadProblem problem) {
        selected.set(null);
        session.prepare(null, Map.of(), session.settings()); // no run; the views keep drawing their empty state
        loadProblem.set(problem);
    }

    private void onSelected(Scenario s) {
        fields.clear();
        if (s == null) {
            return;
        }
        loadProblem.set(null);
        for (ParamSpec p : s.params()) {
            Field f = new Field(p, i18n);
            if (p instanceof ParamSpec.BoolParam && p.live()) {
                f.onProperty().addListener((o, a, b) -> {
                    try {
                        session.setParam(p.name(), b); // the live switch: applies mid-run
                    } catch (ParamException e) {
                        message.set(interleave.app.session.ParamMessages.text(i18n, e));
                    }
                });
            }
            if (!p.live()) {
                f.textProperty().addListener((o, a, b) -> checkPending());
                f.onProperty().addListener((o, a, b) -> checkPending());
            }
            fields.add(f);
        }
        RunSettings d = s.defaultSettings();
        mode.set(d.mode());
        cores.set(d.cores());
        quantum.set(String.valueOf(d.quantum()));
        policy.set(d.policy());
        seed.set(String.valueOf(d.seed()));
        apply();
    }

    /**
     * A program loaded again (edited, or with new input answers) takes the place of the selected one; the run is
     * reset to it and the scheduler settings stay as typed (selecting a scenario would reset them to its defaults).
     */
    public void replaceProgram(Scenario program) {
        Mode m = mode.get();
        int c = cores.get();
        String q = quantum.get();
        Policy p = policy.get();
        String sd = seed.get();
        selected.set(program);
        mode.set(m);
        cores.set(c);
        quantum.set(q);
        policy.set(p);
        seed.set(sd);
        apply();
    }

    /** Flips a boolean parameter (the L key for the balance lock). */
    public void toggle(String name) {
        Field f = field(name);
        if (f != null && f.spec() instanceof ParamSpec.BoolParam) {
            f.onProperty().set(!f.onProperty().get());
        }
    }

    /** Validates the form; if it is valid, prepares the session's next run from it. */
    public boolean apply() {
        Scenario s = selected.get();
        if (s == null) {
            if (loadProblem.get() != null) {
                message.set(loadProblem.get().oneLine(i18n));
            }
            return false;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        String firstError = null;
        for (Field f : fields) {
            Object v = f.validate();
            if (v == null && firstError == null) {
                firstError = f.errorProperty().get();
            }
            values.put(f.spec().name(), v);
        }
        RunSettings settings = settings();
        if (settings == null && firstError == null) {
            firstError = settingsError.get();
        }
        if (firstError != null) {
            message.set(i18n.fmt("params.invalid", firstError));
            return false;
        }
        message.set("");
        session.prepare(s, values, settings);
        checkPending();
        return true;
    }

    /**
     * "Changed: takes effect at Reset" while the form says something the run under way does not use: only the
     * live switches change a run that has started; everything else applies to the next run.
     */
    public StringProperty pendingHintProperty() {
        return pendingHint;
    }

    private void checkPending() {
        boolean started = session.run() != null && selected.get() == session.scenario();
        boolean differs = false;
        if (started) {
            for (Field f : fields) {
                if (!f.spec().live()) {
                    Object v = f.value();
                    differs |= v != null && !v.equals(session.params().get(f.spec().name()));
                }
            }
            try {
                differs |= !typedSettings().equals(session.settings());
            } catch (IllegalArgumentException e) {
                // not acceptable yet: the settings error says so, nothing is pending
            }
        }
        pendingHint.set(differs ? i18n.get("picker.pending") : "");
    }

    /** The settings as typed; throws (NumberFormatException for bad numbers) if they are not acceptable. */
    private RunSettings typedSettings() {
        int q = Integer.parseInt(quantum.get().trim());
        long sd = Long.parseLong(seed.get().trim());
        if (q < 1 || q > RunSettings.MAX_QUANTUM) {
            throw new NumberFormatException();
        }
        return new RunSettings(mode.get(), cores.get(), q, policy.get(), sd);
    }

    /** The settings as typed, or null with the settings error set. */
    private RunSettings settings() {
        try {
            RunSettings r = typedSettings();
            settingsError.set("");
            return r;
        } catch (NumberFormatException e) {
            settingsError.set(i18n.fmt("settings.error.numbers", String.valueOf(RunSettings.MAX_QUANTUM)));
            return null;
        } catch (IllegalArgumentException e) {
            settingsError.set(e.getMessage());
            return null;
        }
    }
}
