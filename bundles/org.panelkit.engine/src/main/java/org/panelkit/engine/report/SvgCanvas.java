package org.panelkit.engine.report;

import java.util.Locale;

/**
 * Writes SVG 1.1 text. SVG cannot measure text, so widths come from approximate Helvetica/Arial advance widths
 * (slightly generous, so that labels do not collide when a viewer substitutes a wider sans-serif font).
 */
final class SvgCanvas implements PlotCanvas {
    private static final String FONT = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

    private final StringBuilder sb = new StringBuilder();

    void begin(int width, int height, String title) {
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" font-family=\"").append(FONT).append("\">\n");
        if (title != null) {
            sb.append("<title>").append(escape(title)).append("</title>\n");
        }
    }

    String finish() {
        return sb.append("</svg>\n").toString();
    }

    @Override
    public double textWidth(String text, double size, boolean bold) {
        double em = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            em += advance(cp);
            i += Character.charCount(cp);
        }
        return em * size * (bold ? 1.1 : 1.04);
    }

    private static double advance(int cp) {
        if (cp >= 0x2E80) {
            return 1.0;
        }
        if (" .,:;!|'ijl".indexOf(cp) >= 0) {
            return 0.28;
        }
        if ("ft()[]-rI/".indexOf(cp) >= 0) {
            return 0.34;
        }
        if (cp >= '0' && cp <= '9') {
            return 0.556;
        }
        if (cp == 'm' || cp == 'w') {
            return 0.833;
        }
        if (cp == 'M' || cp == 'W') {
            return 0.9;
        }
        if (Character.isUpperCase(cp)) {
            return 0.69;
        }
        if (Character.isLowerCase(cp)) {
            return 0.54;
        }
        return 0.6;
    }

    @Override
    public void rect(double x, double y, double w, double h, String fill, String stroke, double strokeWidth) {
        sb.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"").append(fill == null ? "none" : fill)
                .append('"');
        if (stroke != null) {
            sb.append(" stroke=\"").append(stroke).append("\" stroke-width=\"").append(n(strokeWidth)).append('"');
        }
        sb.append("/>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed) {
        sb.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(color).append("\" stroke-width=\"")
                .append(n(width)).append('"');
        if (dashed) {
            sb.append(" stroke-dasharray=\"5 4\"");
        }
        sb.append("/>\n");
    }

    @Override
    public void marker(MarkerShape shape, double cx, double cy, double size, String role, String tooltip) {
        String paint = " fill=\"" + (shape.filled() ? "#000000" : "#ffffff") + "\" stroke=\"#000000\" stroke-width=\"1.3\"";
        String cls = role == null ? "" : " class=\"" + escape(role) + "\"";
        double[][] poly = shape.polygon(cx, cy, size);
        if (poly == null) {
            sb.append("<circle").append(cls).append(" cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy))
                    .append("\" r=\"").append(n(size / 2)).append('"').append(paint);
        } else {
            sb.append("<polygon").append(cls).append(" points=\"");
            for (int i = 0; i < poly.length; i++) {
                sb.append(i == 0 ? "" : " ").append(n(poly[i][0])).append(',').append(n(poly[i][1]));
            }
            sb.append('"').append(paint);
        }
        if (tooltip == null) {
            sb.append("/>\n");
        } else {
            sb.append("><title>").append(escape(tooltip)).append("</title></").append(poly == null ? "circle" : "polygon")
                    .append(">\n");
        }
    }

    @Override
    public void text(String text, double x, double y, double size, Anchor anchor, boolean bold, boolean vertical) {
        sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
                .append('"');
        if (anchor != Anchor.START) {
            sb.append(" text-anchor=\"").append(anchor == Anchor.MIDDLE ? "middle" : "end").append('"');
        }
        if (bold) {
            sb.append(" font-weight=\"bold\"");
        }
        if (vertical) {
            sb.append(" transform=\"rotate(-90 ").append(n(x)).append(' ').append(n(y)).append(")\"");
        }
        sb.append('>').append(escape(text)).append("</text>\n");
    }

    private static String n(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        if (s.endsWith(".00")) {
            s = s.substring(0, s.length() - 3);
        }
        return s.equals("-0") ? "0" : s;
    }

    /** XML-escapes text and drops the control characters XML 1.0 forbids. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
            case '&':
                out.append("&amp;");
                break;
            case '<':
                out.append("&lt;");
                break;
            case '>':
                out.append("&gt;");
                break;
            case '"':
                out.append("&quot;");
                break;
            default:
                if (ch >= 0x20 || ch == '\t') {
                    out.append(ch);
                } else if (ch == '\n' || ch == '\r') {
                    out.append(' ');
                }
            }
        }
        return out.toString();
    }
}
