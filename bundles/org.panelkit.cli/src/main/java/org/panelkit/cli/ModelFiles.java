package org.panelkit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.report.ModelSummary;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Reads what {@code panelkit table} and {@code panelkit plot} take: model files (the JSON of {@code panelkit fe
 * --format json}, see {@link ModelJson}) as {@link ModelSummary} values, and variable-label files (CSV term,label).
 * A file that is not such a model names the file and the missing field.
 */
final class ModelFiles {
    private ModelFiles() {
    }

    /** Reads the model files, labelling them with {@code labels} (empty: numbered by the table). */
    static List<ModelSummary> read(List<Path> files, List<String> labels) {
        if (files == null || files.isEmpty()) {
            throw new PanelKitException("no model files given (--models M1.json,M2.json,...)");
        }
        if (labels != null && !labels.isEmpty() && labels.size() != files.size()) {
            throw new PanelKitException("--labels gives " + labels.size() + " label(s) for " + files.size()
                    + " model file(s)");
        }
        List<ModelSummary> models = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String label = labels == null || labels.isEmpty() ? null : unquote(labels.get(i).strip());
            models.add(read(files.get(i), label));
        }
        return models;
    }

    /** picocli keeps the quotes that protect a comma inside a label ("East, pre-2017"); drop them. */
    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    static ModelSummary read(Path file, String label) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PanelKitException("cannot read model file '" + file + "': no such file");
        } catch (IOException e) {
            throw new PanelKitException("cannot read model file '" + file + "': " + e.getMessage());
        }
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) {
                throw new PanelKitException("model file '" + file + "' is not a JSON object; write it with "
                        + "'panelkit fe ... --format json > FILE'");
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new PanelKitException("model file '" + file + "' is not valid JSON" + where(e)
                    + "; write it with 'panelkit fe ... --format json > FILE'");
        }
        try {
            return summary(o, label);
        } catch (IllegalStateException | ClassCastException | UnsupportedOperationException e) {
            throw new PanelKitException("model file '" + file + "': a field has the wrong type (" + e.getMessage()
                    + ")");
        } catch (IllegalArgumentException e) {
            throw new PanelKitException("model file '" + file + "': " + e.getMessage());
        } catch (PanelKitException e) {
            throw new PanelKitException("model file '" + file + "': " + e.getMessage());
        }
    }

    /** " (at line L column C)" from Gson's message, which also carries a troubleshooting link and a newline. */
    private static String where(JsonParseException e) {
        String m = String.valueOf(e.getMessage());
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("at line \\d+ column \\d+").matcher(m);
        return at.find() ? " (" + at.group() + ")" : "";
    }

    private static ModelSummary summary(JsonObject o, String label) {
        if (!o.has("coefficients") || !o.get("coefficients").isJsonArray()) {
            throw new PanelKitException("no 'coefficients' array; is it the output of 'panelkit fe --format json'?");
        }
        if (!o.has("n") || o.get("n").isJsonNull()) {
            throw new PanelKitException("no 'n' (number of observations)");
        }
        List<Coefficient> coefs = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("coefficients")) {
            coefs.add(coefficient(e.getAsJsonObject()));
        }
        ModelSummary.Builder b = ModelSummary.builder().label(label).coefficients(coefs)
                .observations(o.get("n").getAsInt()).groups(integer(o, "groups")).periods(integer(o, "periods"))
                .r2Within(number(o, "r2_within")).r2WithinEntity(number(o, "r2_within_entity"))
                .r2Lsdv(number(o, "r2_lsdv"));
        if (o.has("constant") && o.get("constant").isJsonObject()) {
            b.constant(coefficient(o.getAsJsonObject("constant")));
        }
        List<Integer> clusters = new ArrayList<>();
        if (o.has("clusters") && o.get("clusters").isJsonArray()) {
            for (JsonElement e : o.getAsJsonArray("clusters")) {
                clusters.add(e.getAsInt());
            }
        }
        b.clusters(clusters);
        JsonObject model = object(o, "model");
        if (model != null) {
            b.dependentVariable(string(model, "y"));
            String fe = string(model, "fe");
            if (fe != null) {
                // a shorthand (twoway) or the list of terms (firm,year,industry^year, issue 12)
                b.fixedEffects(fe, string(model, "entity"), string(model, "time"));
            }
            double level = number(model, "level");
            if (!Double.isNaN(level)) {
                b.level(level);
            }
        }
        JsonObject v = object(o, "vcov");
        if (v != null) {
            b.seType(string(v, "type")).seConvention(string(v, "convention")).seDescription(string(v, "description"));
            List<String> columns = new ArrayList<>();
            if (v.has("cluster_columns") && v.get("cluster_columns").isJsonArray()) {
                for (JsonElement e : v.getAsJsonArray("cluster_columns")) {
                    columns.add(e.getAsString());
                }
            }
            b.clusterColumns(columns);
        }
        return b.build();
    }

    private static Coefficient coefficient(JsonObject c) {
        String term = string(c, "term");
        if (term == null) {
            throw new PanelKitException("a coefficient has no 'term'");
        }
        double df = number(c, "df");
        // the model JSON writes an infinite df (normal inference) as null
        return new Coefficient(term, number(c, "estimate"), number(c, "std_error"), number(c, "statistic"),
                number(c, "p_value"), number(c, "conf_low"), number(c, "conf_high"),
                Double.isNaN(df) ? Double.POSITIVE_INFINITY : df);
    }

    private static JsonObject object(JsonObject o, String key) {
        return o.has(key) && o.get(key).isJsonObject() ? o.getAsJsonObject(key) : null;
    }

    private static String string(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
    }

    private static double number(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsDouble() : Double.NaN;
    }

    private static int integer(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsInt() : 0;
    }

    /**
     * Reads variable labels: a CSV file with two columns term,label (an optional header row "term,label" is
     * skipped; blank lines are ignored).
     */
    static Map<String, String> variableLabels(Path file) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (file == null) {
            return labels;
        }
        try (CsvReader<CsvRecord> reader = CsvDialect.builder(file).ofCsvRecord(file)) {
            boolean first = true;
            for (CsvRecord r : reader) {
                List<String> f = r.getFields();
                if (f.size() == 1 && f.get(0).isBlank()) {
                    continue;
                }
                if (first && f.size() == 2 && f.get(0).strip().equalsIgnoreCase("term")
                        && f.get(1).strip().equalsIgnoreCase("label")) {
                    first = false;
                    continue;
                }
                first = false;
                if (f.size() != 2) {
                    throw new PanelKitException("variable labels '" + file + "' line " + r.getStartingLineNumber()
                            + ": expected 2 fields term,label, found " + f.size());
                }
                String term = f.get(0).strip();
                String label = f.get(1).strip();
                if (term.isEmpty() || label.isEmpty()) {
                    throw new PanelKitException("variable labels '" + file + "' line " + r.getStartingLineNumber()
                            + ": empty term or label");
                }
                if (labels.put(term, label) != null) {
                    throw new PanelKitException("variable labels '" + file + "' line " + r.getStartingLineNumber()
                            + ": '" + term + "' is labelled twice");
                }
            }
        } catch (NoSuchFileException e) {
            throw new PanelKitException("cannot read variable labels '" + file + "': no such file");
        } catch (IOException e) {
            throw new PanelKitException("cannot read variable labels '" + file + "': " + e.getMessage());
        } catch (CsvParseException e) {
            throw new PanelKitException("variable labels '" + file + "' is not a valid CSV file: " + e.getMessage());
        }
        return labels;
    }

    /** Writes text as UTF-8 to a file. */
    static void write(Path out, String text) {
        try {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PanelKitException("cannot write '" + out + "': " + OutputPaths.reason(e));
        }
    }

    static void write(Path out, byte[] bytes) {
        try {
            Files.write(out, bytes);
        } catch (IOException e) {
            throw new PanelKitException("cannot write '" + out + "': " + OutputPaths.reason(e));
        }
    }
}
