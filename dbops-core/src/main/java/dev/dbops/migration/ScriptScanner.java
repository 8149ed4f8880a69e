package dev.dbops.migration;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** Lists the files of a location: a directory tree, or a classpath directory in folders and jars. */
final class ScriptScanner {

    private ScriptScanner() {
    }

    /** A single file, named as the user gave it. */
    static ScriptResource file(Path file) {
        return new ScriptResource(file.getFileName().toString(), file.toString(), () -> Files.readAllBytes(file));
    }

    /**
     * Every file below a directory, following symbolic links, sorted by path; a subdirectory that cannot
     * be listed is reported and skipped, and a link that leads nowhere is listed, to fail when it is read.
     */
    static List<ScriptResource> directory(Path directory, List<MigrationProblem> problems) throws IOException {
        List<ScriptResource> files = new ArrayList<>();
        Files.walkFileTree(directory, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (!attributes.isDirectory()) {
                    String relative = directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                    files.add(new ScriptResource(relative, file.toString(), () -> Files.readAllBytes(file)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                problems.add(MigrationProblem.of(file.toString(), "cannot read: " + describe(e)));
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(ScriptResource::relativePath));
        return files;
    }

    /**
     * Every resource below a classpath directory, from every folder and jar of the class loader that has
     * it; when several have the same path, the first one wins, as with {@link ClassLoader#getResource}.
     * Empty when no classpath root has the directory.
     */
    static List<ScriptResource> classpath(String directory, ClassLoader classLoader, List<MigrationProblem> problems)
            throws IOException {
        Map<String, ScriptResource> found = new LinkedHashMap<>();
        for (URL url : Collections.list(classLoader.getResources(directory))) {
            if (url.getProtocol().equals("file")) {
                for (ScriptResource file : directory(path(url), problems)) {
                    found.putIfAbsent(file.relativePath(), classpathResource(directory, file.relativePath(), file.content()));
                }
                continue;
            }
            URLConnection connection = url.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                problems.add(MigrationProblem.of(ChangelogLocation.CLASSPATH + directory, "cannot list the resources at "
                        + url + ": only folders and jars can be scanned; give the directory as a filesystem: location"));
                continue;
            }
            jar.setUseCaches(false);
            try (JarFile file = jar.getJarFile()) {
                String prefix = jar.getEntryName() == null ? "" : jar.getEntryName().replaceAll("/*$", "/");
                for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                        byte[] bytes = file.getInputStream(entry).readAllBytes();
                        String relative = entry.getName().substring(prefix.length());
                        found.putIfAbsent(relative, classpathResource(directory, relative, () -> bytes));
                    }
                }
            }
        }
        List<ScriptResource> resources = new ArrayList<>(found.values());
        resources.sort(Comparator.comparing(ScriptResource::relativePath));
        return resources;
    }

    private static ScriptResource classpathResource(String directory, String relative, ScriptResource.Content content) {
        String location = ChangelogLocation.CLASSPATH + (directory.isEmpty() ? "" : directory + "/") + relative;
        return new ScriptResource(relative, location, content);
    }

    private static Path path(URL url) throws IOException {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot read the classpath folder " + url + ": " + e.getMessage(), e);
        }
    }

    /** An I/O failure in words: the exception's message names the file, its class says what went wrong. */
    static String describe(IOException e) {
        String kind = switch (e.getClass().getSimpleName()) {
            case "NoSuchFileException" -> "it does not exist (a dangling symbolic link?)";
            case "AccessDeniedException" -> "permission denied";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
        return kind;
    }
}
