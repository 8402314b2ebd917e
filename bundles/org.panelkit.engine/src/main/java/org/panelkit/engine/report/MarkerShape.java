package org.panelkit.engine.report;

/**
 * Marker shapes in the order terms receive them: filled, then open, so that up to eight terms stay apart in black
 * and white print without relying on colour.
 */
enum MarkerShape {
    CIRCLE(true), TRIANGLE(true), SQUARE(true), DIAMOND(true),
    OPEN_CIRCLE(false), OPEN_TRIANGLE(false), OPEN_SQUARE(false), OPEN_DIAMOND(false);

    private final boolean filled;

    MarkerShape(boolean filled) {
        this.filled = filled;
    }

    boolean filled() {
        return filled;
    }

    /** The outline as polygon vertices around (cx, cy) for a marker of the given size; null for circles. */
    double[][] polygon(double cx, double cy, double size) {
        double r = size / 2;
        switch (this) {
        case TRIANGLE:
        case OPEN_TRIANGLE:
            double h = r * 1.15;
            return new double[][] {{cx, cy - h}, {cx + h, cy + h * 0.8}, {cx - h, cy + h * 0.8}};
        case SQUARE:
        case OPEN_SQUARE:
            double s = r * 0.9;
            return new double[][] {{cx - s, cy - s}, {cx + s, cy - s}, {cx + s, cy + s}, {cx - s, cy + s}};
        case DIAMOND:
        case OPEN_DIAMOND:
            double d = r * 1.25;
            return new double[][] {{cx, cy - d}, {cx + d, cy}, {cx, cy + d}, {cx - d, cy}};
        default:
            return null;
        }
    }
}
