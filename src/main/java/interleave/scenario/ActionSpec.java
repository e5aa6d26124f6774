package interleave.scenario;

/** A button the scenario offers while it runs ("Set event"); its label is {@code <scenario>.action.<name>}. */
public record ActionSpec(String name) {
}
