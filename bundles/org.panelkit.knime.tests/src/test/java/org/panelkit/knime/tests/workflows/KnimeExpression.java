package org.panelkit.knime.tests.workflows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The subset of KNIME's expression language (Expression, Expression Row Filter and Variable Expression nodes,
 * knime-base) that the example workflows use: numbers, "strings", $["column"], $$["variable"], + - * / with the
 * usual precedence, unary minus, parentheses, comparisons (< <= > >= == !=), and/or/not, and the functions ln, exp,
 * min, max, abs, sqrt, string. A missing column value (null) makes the result missing, as in KNIME.
 * The knime-base nodes are not in the KNIME SDK, so the tests replay them with this interpreter.
 */
final class KnimeExpression {
    private final String m_src;

    private int m_pos;

    private final Function<String, Object> m_column;

    private final Map<String, Object> m_variables;

    private KnimeExpression(final String src, final Function<String, Object> column,
        final Map<String, Object> variables) {
        m_src = src;
        m_column = column;
        m_variables = variables;
    }

    /** Evaluates {@code expression} for one row; {@code column} gives a cell (Double, String, null = missing). */
    static Object evaluate(final String expression, final Function<String, Object> column,
        final Map<String, Object> variables) {
        var e = new KnimeExpression(expression, column, variables);
        Object v = e.or();
        e.skip();
        if (e.m_pos != e.m_src.length()) {
            throw new IllegalArgumentException("unexpected '" + e.m_src.substring(e.m_pos) + "' in " + expression);
        }
        return v;
    }

    private Object or() {
        Object v = and();
        while (word("or")) {
            Object r = and();
            v = v == null || r == null ? null : (Boolean)v || (Boolean)r;
        }
        return v;
    }

    private Object and() {
        Object v = comparison();
        while (word("and")) {
            Object r = comparison();
            v = v == null || r == null ? null : (Boolean)v && (Boolean)r;
        }
        return v;
    }

    private Object comparison() {
        Object v = sum();
        for (String op : new String[]{"<=", ">=", "==", "!=", "<", ">"}) {
            if (symbol(op)) {
                Object r = sum();
                if (v == null || r == null) {
                    return null;
                }
                if (v instanceof String || r instanceof String) {
                    boolean eq = v.toString().equals(r.toString());
                    return switch (op) {
                        case "==" -> eq;
                        case "!=" -> !eq;
                        default -> throw new IllegalArgumentException("cannot order strings in " + m_src);
                    };
                }
                double a = (Double)v;
                double b = (Double)r;
                return switch (op) {
                    case "<=" -> a <= b;
                    case ">=" -> a >= b;
                    case "==" -> a == b;
                    case "!=" -> a != b;
                    case "<" -> a < b;
                    default -> a > b;
                };
            }
        }
        return v;
    }

    private Object sum() {
        Object v = product();
        while (true) {
            if (symbol("+")) {
                Object r = product();
                if (v == null || r == null) {
                    v = null;
                } else if (v instanceof String || r instanceof String) {
                    v = v.toString() + r;
                } else {
                    v = (Double)v + (Double)r;
                }
            } else if (symbol("-")) {
                Object r = product();
                v = v == null || r == null ? null : (Double)v - (Double)r;
            } else {
                return v;
            }
        }
    }

    private Object product() {
        Object v = unary();
        while (true) {
            if (symbol("*")) {
                Object r = unary();
                v = v == null || r == null ? null : (Double)v * (Double)r;
            } else if (symbol("/")) {
                Object r = unary();
                v = v == null || r == null ? null : (Double)v / (Double)r;
            } else {
                return v;
            }
        }
    }

    private Object unary() {
        if (symbol("-")) {
            Object v = unary();
            return v == null ? null : -(Double)v;
        }
        if (word("not")) {
            Object v = unary();
            return v == null ? null : !(Boolean)v;
        }
        return primary();
    }

    private Object primary() {
        skip();
        if (symbol("(")) {
            Object v = or();
            expect(")");
            return v;
        }
        if (symbol("$$[")) {
            String name = string();
            expect("]");
            if (!m_variables.containsKey(name)) {
                throw new IllegalArgumentException("no flow variable " + name);
            }
            Object v = m_variables.get(name);
            return v instanceof Number n ? (Object)n.doubleValue() : v;
        }
        if (symbol("$[")) {
            String name = string();
            expect("]");
            return m_column.apply(name);
        }
        if (peek() == '"') {
            return string();
        }
        if (Character.isDigit(peek()) || peek() == '.') {
            int start = m_pos;
            while (m_pos < m_src.length()
                && (Character.isDigit(peek()) || peek() == '.' || peek() == 'e' || peek() == 'E')) {
                m_pos++;
            }
            return Double.parseDouble(m_src.substring(start, m_pos));
        }
        int start = m_pos;
        while (m_pos < m_src.length() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
            m_pos++;
        }
        String fn = m_src.substring(start, m_pos);
        expect("(");
        List<Object> args = new ArrayList<>();
        if (!symbol(")")) {
            do {
                args.add(or());
            } while (symbol(","));
            expect(")");
        }
        if (args.contains(null)) {
            return null;
        }
        return switch (fn) {
            case "ln" -> Math.log((Double)args.get(0));
            case "exp" -> Math.exp((Double)args.get(0));
            case "abs" -> Math.abs((Double)args.get(0));
            case "sqrt" -> Math.sqrt((Double)args.get(0));
            case "min" -> Math.min((Double)args.get(0), (Double)args.get(1));
            case "max" -> Math.max((Double)args.get(0), (Double)args.get(1));
            case "string" -> args.get(0) instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue())
                : args.get(0).toString();
            default -> throw new IllegalArgumentException("unsupported function " + fn + " in " + m_src);
        };
    }

    private String string() {
        skip();
        expect("\"");
        int start = m_pos;
        while (m_pos < m_src.length() && peek() != '"') {
            m_pos++;
        }
        String s = m_src.substring(start, m_pos);
        expect("\"");
        return s;
    }

    private char peek() {
        return m_pos < m_src.length() ? m_src.charAt(m_pos) : '\0';
    }

    private void skip() {
        while (m_pos < m_src.length() && Character.isWhitespace(peek())) {
            m_pos++;
        }
    }

    private boolean symbol(final String s) {
        skip();
        if (m_src.startsWith(s, m_pos)) {
            m_pos += s.length();
            return true;
        }
        return false;
    }

    private boolean word(final String w) {
        skip();
        if (m_src.startsWith(w, m_pos) && !Character.isLetterOrDigit(m_src.charAt(Math.min(m_src.length() - 1,
            m_pos + w.length())))) {
            m_pos += w.length();
            return true;
        }
        return false;
    }

    private void expect(final String s) {
        if (!symbol(s)) {
            throw new IllegalArgumentException("expected '" + s + "' at " + m_pos + " in " + m_src);
        }
    }
}
