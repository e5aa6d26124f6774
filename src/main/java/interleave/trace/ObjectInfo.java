package interleave.trace;

/** A shared object as the trace knows it; {@code initial} is its starting value, permit count or flag. */
public record ObjectInfo(int id, String name, ObjectType type, int initial) {
}
