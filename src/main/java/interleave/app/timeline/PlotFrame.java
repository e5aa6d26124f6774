package interleave.app.timeline;

import java.util.function.Function;

/**
 * Where one frame of the timeline puts its lanes: the plot starts at {@code labelWidth}, under an axis
 * {@code axisHeight} tall; lane i's top is {@code laneTop[i]}, each lane {@code laneHeight} tall, the canvas
 * {@code width} wide; {@code text} gives the shown strings.
 */
record PlotFrame(double labelWidth, double axisHeight, double[] laneTop, double laneHeight, double width,
                 Function<String, String> text) {
}
