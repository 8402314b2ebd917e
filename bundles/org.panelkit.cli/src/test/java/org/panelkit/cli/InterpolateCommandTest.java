package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code panelkit interpolate} end to end on small files whose results are worked out by hand. */
class InterpolateCommandTest {
    @TempDir
    Path dir;

    /** Unsorted; quoted text with a comma; "NA" and empty cells; "1.0" and "1.50" must come back as written. */
    static final String INPUT = "id,year,note,y,z\n"
            + "\"B\",2003,\"x, quoted\",NA,7\n"
            + "A,2002,plain,,1.50\n"
            + "B,2000,,10,\n"
            + "A,2000,first,1.0,2\n"
            + "A,2004,,9,3\n"
            + "B,2004,,18,4\n";

    Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    CliRunner interpolate(Path in, Path out, String... extra) {
        String[] base = {"interpolate", "--data", in.toString(), "--entity", "id", "--time", "year", "--columns", "y,z",
            "--out", out.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRunner.run(args);
    }

    @Test
    void linearWithFlagsSortsAndKeepsEveryInputColumn() throws Exception {
        Path out = dir.resolve("out.csv");
        CliRunner r = interpolate(write("in.csv", INPUT), out, "--method", "linear", "--flags");
        assertEquals(0, r.code, r.toString());
        // A: 2002 on the line from (2000, 1) to (2004, 9) = 5; B: 2003 from (2000, 10) to (2004, 18) = 16 (time as x)
        assertEquals(List.of(
                "id,year,note,y,z,y_imputed,z_imputed",
                "A,2000,first,1.0,2,false,false",
                "A,2002,plain,5,1.50,true,false",
                "A,2004,,9,3,false,false",
                "B,2000,,10,,false,false",
                "B,2003,\"x, quoted\",16,7,true,false",
                "B,2004,,18,4,false,false"), Files.readAllLines(out));
        assertTrue(r.err.contains("interpolate: method linear, ends none, max gap none; 6 rows (0 inserted), 2 entities, 4 periods"),
                r.err);
        assertTrue(r.err.matches("(?s).*\\ny\\s+4\\s+2\\s+0\\n.*"), r.err);
        assertTrue(r.err.matches("(?s).*\\nz\\s+5\\s+0\\s+1\\n.*"), r.err);
        assertEquals("", r.out);
    }

    @Test
    void completeInsertsRowsOverTheUnionOfPeriods() throws Exception {
        Path out = dir.resolve("out.csv");
        CliRunner r = interpolate(write("in.csv", INPUT), out, "--method", "linear", "--complete");
        assertEquals(0, r.code, r.toString());
        // A 2003 = 7 (y) and 2.25 (z between 1.5 and 3); B 2002 = 14, its z stays missing (leading gap)
        assertEquals(List.of(
                "id,year,note,y,z",
                "A,2000,first,1.0,2",
                "A,2002,plain,5,1.50",
                "A,2003,,7,2.25",
                "A,2004,,9,3",
                "B,2000,,10,",
                "B,2002,,14,",
                "B,2003,\"x, quoted\",16,7",
                "B,2004,,18,4"), Files.readAllLines(out));
        assertTrue(r.err.contains("8 rows (2 inserted)"), r.err);
    }

    @Test
    void endsAndMaxGap() throws Exception {
        Path out = dir.resolve("out.csv");
        CliRunner r = interpolate(write("in.csv", INPUT), out, "--method", "nocb", "--ends", "constant", "--max-gap", "1");
        assertEquals(0, r.code, r.toString());
        // A's gap 2000 -> 2004 has 2 missing periods (2002, 2003) > 1: stays; B's has 2 (2002, 2003): stays;
        // B's leading z gap (2000, one period before 2003's observation... 2000 -> 2003 spans 2 periods) stays
        List<String> lines = Files.readAllLines(out);
        assertEquals("A,2002,plain,,1.50", lines.get(2));
        assertEquals("B,2003,\"x, quoted\",NA,7", lines.get(5));
        assertEquals("B,2000,,10,", lines.get(4));
        r = interpolate(write("in.csv", INPUT), out, "--method", "nocb", "--ends", "constant", "--max-gap", "2");
        assertEquals(0, r.code, r.toString());
        lines = Files.readAllLines(out);
        assertEquals("A,2002,plain,9,1.50", lines.get(2));
        assertEquals("B,2000,,10,7", lines.get(4));
        assertEquals("B,2003,\"x, quoted\",18,7", lines.get(5));
    }

    @Test
    void badInputEndsWithOneErrorLine() throws Exception {
        Path dup = write("dup.csv", "id,year,y\nA,2000,1\nA,2001,2\nA,2000,3\n");
        CliRunner r = CliRunner.run("interpolate", "--data", dup.toString(), "--entity", "id", "--time", "year",
                "--columns", "y", "--method", "linear", "--out", dir.resolve("o.csv").toString());
        assertEquals(2, r.code, r.toString());
        assertEquals("error: duplicate key: id 'A', year 2000 occurs on line 2 and line 4 (each entity may have one row "
                + "per period)\n", r.err);
        assertFalse(Files.exists(dir.resolve("o.csv")));

        Path text = write("text.csv", "id,year,y\nA,2000,1\nA,2001q1,2\n");
        r = CliRunner.run("interpolate", "--data", text.toString(), "--entity", "id", "--time", "year",
                "--columns", "y", "--method", "linear", "--out", dir.resolve("o.csv").toString());
        assertEquals(2, r.code, r.toString());
        assertEquals("error: column 'year', line 3: '2001q1' is not a number\n", r.err);

        r = interpolate(write("in.csv", INPUT), dir.resolve("o.csv"), "--method", "cubic");
        assertEquals(2, r.code, r.toString());
        assertTrue(r.err.startsWith("error: unknown interpolation method 'cubic'"), r.err);

        r = interpolate(write("in.csv", INPUT), dir.resolve("o.csv"), "--method", "loglinear");
        assertEquals(0, r.code, r.toString());
        Path neg = write("neg.csv", "id,year,y,z\nA,2000,1,1\nA,2001,,1\nA,2002,-3,1\n");
        r = interpolate(neg, dir.resolve("o.csv"), "--method", "loglinear");
        assertEquals(2, r.code, r.toString());
        assertEquals("error: loglinear interpolation needs positive values, but column 'y', id 'A', year 2002 is -3.0 "
                + "(use linear, or transform the column)\n", r.err);

        Path clash = write("clash.csv", "id,year,y,z,y_imputed\nA,2000,1,1,x\n");
        r = interpolate(clash, dir.resolve("o.csv"), "--method", "linear", "--flags");
        assertEquals(2, r.code, r.toString());
        assertTrue(r.err.contains("already has a column 'y_imputed'"), r.err);

        r = CliRunner.run("interpolate", "--data", dup.toString(), "--entity", "id", "--time", "year",
                "--columns", "nope", "--method", "linear", "--out", dir.resolve("o.csv").toString());
        assertEquals(2, r.code, r.toString());
        assertTrue(r.err.startsWith("error: unknown column 'nope'"), r.err);
    }
}
