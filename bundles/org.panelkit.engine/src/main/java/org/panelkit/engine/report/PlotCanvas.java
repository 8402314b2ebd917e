package org.panelkit.engine.report;

/**
 * The few drawing operations a coefficient plot needs, in pixel coordinates with y pointing down, so that one
 * painter serves both SVG and Java2D. Colours are "#rrggbb"; null means none.
 */
interface PlotCanvas {
    /** Horizontal text alignment relative to the anchor point. */
    enum Anchor { START, MIDDLE, END }

    /** Width of a text in pixels at the given font size. */
    double textWidth(String text, double size, boolean bold);

    void rect(double x, double y, double w, double h, String fill, String stroke, double strokeWidth);

    void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed);

    /** A black marker (filled, or white with a black outline); {@code role} and {@code tooltip} label it in SVG. */
    void marker(MarkerShape shape, double cx, double cy, double size, String role, String tooltip);

    /** Text with its baseline at y; {@code vertical} turns it 90° counter-clockwise around (x, y). */
    void text(String text, double x, double y, double size, Anchor anchor, boolean bold, boolean vertical);
}
