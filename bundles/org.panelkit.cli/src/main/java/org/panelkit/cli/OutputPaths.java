package org.panelkit.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

import org.panelkit.engine.PanelKitException;

/**
 * Output paths checked before a command computes, with one reason per problem: "no such directory",
 * "not a directory", "is a directory", "permission denied", or the file system's own words. Every problem is
 * bad input (exit code 2, one {@code error:} line).
 */
public final class OutputPaths {
    private OutputPaths() {
    }

    /** Checks that {@code file} can be written: its folder exists and is writable, it is not a folder. */
    public static void checkFile(Path file) {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new PanelKitException("cannot write '" + file + "': it is a directory; give a file name");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null) {
            return;
        }
        Path shown = file.getParent() != null ? file.getParent() : parent;
        if (!Files.exists(parent)) {
            throw new PanelKitException("cannot write '" + file + "': no such directory '" + shown + "'");
        }
        if (!Files.isDirectory(parent)) {
            throw new PanelKitException("cannot write '" + file + "': '" + shown + "' is not a directory");
        }
        if (!Files.isWritable(parent) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new PanelKitException("cannot write '" + file + "': permission denied");
        }
    }

    /** Creates {@code dir} (and its parents) if needed; an error when it is a file or cannot be created. */
    public static void directory(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new PanelKitException("cannot write to '" + dir + "': it is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            Path a = dir.toAbsolutePath().getParent();
            while (a != null && !Files.exists(a)) {
                a = a.getParent();
            }
            String why;
            if (a != null && !Files.isDirectory(a)) {
                why = "'" + a + "' is not a directory";
            } else if (a != null && !Files.isWritable(a)) {
                why = "permission denied in '" + a + "'";
            } else if (e instanceof NoSuchFileException || e instanceof AccessDeniedException) {
                why = (e instanceof AccessDeniedException ? "permission denied" : "the file system refused it")
                        + (a != null ? " ('" + a + "' does not take new folders)" : "");
            } else {
                why = reason(e);
            }
            throw new PanelKitException("cannot create directory '" + dir + "': " + why);
        }
        if (!Files.isWritable(dir)) {
            throw new PanelKitException("cannot write to '" + dir + "': permission denied");
        }
    }

    /** The reason of an I/O failure in a few words. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such directory" + (((NoSuchFileException) e).getFile() != null
                    ? " '" + parentOf(((NoSuchFileException) e).getFile()) + "'" : "");
        }
        if (e instanceof FileAlreadyExistsException) {
            return "'" + ((FileAlreadyExistsException) e).getFile() + "' exists and is not a directory";
        }
        if (e instanceof NotDirectoryException) {
            return "'" + ((NotDirectoryException) e).getFile() + "' is not a directory";
        }
        if (e instanceof FileSystemException) {
            FileSystemException f = (FileSystemException) e;
            String r = f.getReason();
            if (r != null) {
                String lower = r.toLowerCase(java.util.Locale.ROOT);
                if (lower.contains("not a directory")) {
                    return "a part of the path is not a directory";
                }
                if (lower.contains("permission") || lower.contains("access")) {
                    return "permission denied";
                }
                if (lower.contains("no such file")) {
                    return "no such directory";
                }
                return r.strip();
            }
            return "cannot write there";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String parentOf(String file) {
        Path p = Path.of(file).getParent();
        return p == null ? file : p.toString();
    }
}
