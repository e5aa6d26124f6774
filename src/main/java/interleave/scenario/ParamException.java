package interleave.scenario;

/** Bad scenario input; the message names what was wrong and what is accepted. */
public final class ParamException extends Exception {
    public ParamException(String message) {
        super(message);
    }
}
