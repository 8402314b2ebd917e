package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.panelkit.cli.PrepTesting.run;
import static org.panelkit.cli.PrepTesting.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code panelkit describe} end to end on Produc with holes and on a small panel with every defect. */
class DescribeCommandTest {
    @TempDir
    Path dir;

    @Test
    void holedProduc() throws Exception {
        Path in = PrepTesting.oracle("interp/Produc_holed.csv");
        PrepTesting.Run text = run("describe", "--data", in.toString(), "--entity", "state", "--time", "year");
        assertEquals(0, text.code, text.toString());
        assertTrue(text.out.contains("Entities               48\n"), text.out);
        assertTrue(text.out.contains("Balanced               yes\n"), text.out);
        assertTrue(text.out.contains("Periods                17 (1970 to 1986, step 1, 17 on the grid)\n"), text.out);
        PrepTesting.Run json = run("describe", "--data", in.toString(), "--entity", "state", "--time", "year", "--format",
                "json");
        assertEquals(0, json.code, json.toString());
        JsonObject o = JsonParser.parseString(json.out).getAsJsonObject();
        assertEquals(816, o.get("rows").getAsInt());
        assertEquals(48, o.get("entities").getAsInt());
        assertTrue(o.get("balanced").getAsBoolean());
        // missing cells = the cells listed in the knock-out mask
        Map<String, Integer> masked = new HashMap<>();
        List<String> lines = Files.readAllLines(PrepTesting.oracle("interp/Produc_mask.csv"));
        for (String line : lines.subList(1, lines.size())) {
            masked.merge(line.split(",")[2], 1, Integer::sum);
        }
        for (JsonElement e : o.getAsJsonArray("columns")) {
            JsonObject c = e.getAsJsonObject();
            assertEquals((int) masked.getOrDefault(c.get("column").getAsString(), 0), c.get("missing").getAsInt(),
                    c.get("column").getAsString());
        }
    }

    @Test
    void everyDefect() throws Exception {
        Path in = write(dir, "p.csv", "id,t,y\n"
                + "a,2000,1\na,2001,\na,2003,3\n" // a: 2002 missing inside its span
                + "b,2000,1\nb,2000,2\nb,2001,3\nb,2002,4\nb,2003,5\n" // b: 2000 twice
                + "c,2001,9\n" // c: a singleton
                + ",2002,7\n"); // no entity
        PrepTesting.Run r = run("describe", "--data", in.toString(), "--entity", "id", "--time", "t", "--format", "json");
        assertEquals(0, r.code, r.toString());
        JsonObject o = JsonParser.parseString(r.out).getAsJsonObject();
        assertEquals(false, o.get("balanced").getAsBoolean());
        assertEquals("a", o.getAsJsonArray("gaps").get(0).getAsJsonObject().get("entity").getAsString());
        assertEquals("2002", o.getAsJsonArray("gaps").get(0).getAsJsonObject().getAsJsonArray("missing").get(0).getAsString());
        JsonObject dup = o.getAsJsonArray("duplicate_keys").get(0).getAsJsonObject();
        assertEquals("b", dup.get("entity").getAsString());
        assertEquals("[5,6]", dup.getAsJsonArray("lines").toString());
        assertEquals("[\"c\"]", o.getAsJsonArray("singleton_entities").toString());
        assertEquals("[11]", o.getAsJsonArray("lines_without_key").toString());
        JsonObject y = o.getAsJsonArray("columns").get(2).getAsJsonObject();
        assertEquals(1, y.get("missing").getAsInt());
        assertEquals(1, y.get("interior").getAsInt());
        PrepTesting.Run text = run("describe", "--data", in.toString(), "--entity", "id", "--time", "t");
        assertTrue(text.out.contains("    id=b, t=2000: line 5, line 6\n"), text.out);
        assertTrue(text.out.contains("    a (2000 to 2003, 3 periods): missing 2002\n"), text.out);
    }

    @Test
    void badInput() throws Exception {
        Path in = write(dir, "p.csv", "id,t,y\na,1,2\n");
        PrepTesting.Run r = run("describe", "--data", in.toString(), "--entity", "id", "--time", "year");
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("error: unknown column 'year' in '"), r.err);
        r = run("describe", "--data", dir.resolve("none.csv").toString(), "--entity", "id", "--time", "t");
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("error: cannot read"), r.err);
    }
}
