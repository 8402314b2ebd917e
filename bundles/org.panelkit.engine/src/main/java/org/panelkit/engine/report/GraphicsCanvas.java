package org.panelkit.engine.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * Paints on a Java2D {@link Graphics2D} of an off-screen image. Needs no display: a {@link BufferedImage} works on
 * a headless JVM (the command line sets {@code java.awt.headless}; inside KNIME the platform's AWT is used as it
 * is). Text is measured with the real font, so the layout fits what is drawn.
 */
final class GraphicsCanvas implements PlotCanvas {
    private final Graphics2D g;

    private GraphicsCanvas(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    static BufferedImage render(PlotPainter painter, double scale) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        PlotPainter.Size size;
        try {
            size = painter.size(new GraphicsCanvas(pg));
        } finally {
            pg.dispose();
        }
        int w = (int) Math.round(size.width * scale);
        int h = (int) Math.round(size.height * scale);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            painter.paint(new GraphicsCanvas(g), size);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Font font(double size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
    }

    @Override
    public double textWidth(String text, double size, boolean bold) {
        return g.getFontMetrics(font(size, bold)).getStringBounds(text, g).getWidth();
    }

    @Override
    public void rect(double x, double y, double w, double h, String fill, String stroke, double strokeWidth) {
        Rectangle2D r = new Rectangle2D.Double(x, y, w, h);
        if (fill != null) {
            g.setColor(Color.decode(fill));
            g.fill(r);
        }
        if (stroke != null) {
            g.setColor(Color.decode(stroke));
            g.setStroke(new BasicStroke((float) strokeWidth));
            g.draw(r);
        }
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed) {
        g.setColor(Color.decode(color));
        g.setStroke(dashed
                ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f)
                : new BasicStroke((float) width));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void marker(MarkerShape shape, double cx, double cy, double size, String role, String tooltip) {
        java.awt.Shape s;
        double[][] poly = shape.polygon(cx, cy, size);
        if (poly == null) {
            s = new Ellipse2D.Double(cx - size / 2, cy - size / 2, size, size);
        } else {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(poly[0][0], poly[0][1]);
            for (int i = 1; i < poly.length; i++) {
                p.lineTo(poly[i][0], poly[i][1]);
            }
            p.closePath();
            s = p;
        }
        g.setColor(shape.filled() ? Color.BLACK : Color.WHITE);
        g.fill(s);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.3f));
        g.draw(s);
    }

    @Override
    public void text(String text, double x, double y, double size, Anchor anchor, boolean bold, boolean vertical) {
        Font f = font(size, bold);
        g.setFont(f);
        g.setColor(Color.BLACK);
        double w = g.getFontMetrics(f).getStringBounds(text, g).getWidth();
        double dx = anchor == Anchor.START ? 0 : anchor == Anchor.MIDDLE ? -w / 2 : -w;
        if (vertical) {
            AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2, x, y);
            g.drawString(text, (float) (x + dx), (float) y);
            g.setTransform(saved);
        } else {
            g.drawString(text, (float) (x + dx), (float) y);
        }
    }
}
