package dev.dbops.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a Liquibase changelog is read from: a file with its search roots, or a classpath resource.
 *
 * <p>A file's search roots are its directory and then every directory above it, as far as the path
 * given goes ({@code src/main/resources/db/changelog/master.yaml} searches {@code …/changelog},
 * {@code …/db}, {@code src/main/resources} … {@code .}), so that includes relative to the changelog and
 * classpath-style includes ({@code db/changelog/changes/1.yaml}, as Spring Boot writes them) both
 * resolve. The nearest root wins when a path exists under several.
 *
 * @param changeLogPath the path handed to Liquibase: the file name, or the classpath resource path
 * @param roots the search roots, nearest first; empty for a classpath changelog
 * @param classLoader the class loader of a classpath changelog
 */
record ChangelogLocation(String changeLogPath, List<Path> roots, Optional<ClassLoader> classLoader) {

    static final String CLASSPATH = "classpath:";

    static ChangelogLocation ofFile(Path file) {
        List<Path> roots = new ArrayList<>();
        Path parent = file.getParent();
        for (Path root = parent == null ? Path.of("") : parent; root != null; root = root.getParent()) {
            roots.add(root);
        }
        if (!file.isAbsolute() && parent != null) {
            roots.add(Path.of(""));
        }
        return new ChangelogLocation(file.getFileName().toString(), List.copyOf(roots), Optional.empty());
    }

    static ChangelogLocation ofClasspath(String resource, ClassLoader classLoader) {
        return new ChangelogLocation(resource, List.of(), Optional.of(classLoader));
    }

    /** Where a path that Liquibase resolved lives, as the user will see it. */
    String display(String physicalPath) {
        if (classLoader.isPresent()) {
            return CLASSPATH + strip(physicalPath);
        }
        return root(physicalPath).resolve(strip(physicalPath)).toString();
    }

    /** The text of a file Liquibase resolved, when it can be read. */
    Optional<String> text(String physicalPath) {
        try {
            if (classLoader.isPresent()) {
                try (InputStream in = classLoader.get().getResourceAsStream(strip(physicalPath))) {
                    return in == null ? Optional.empty() : Optional.of(TextFiles.decode(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            Path file = root(physicalPath).resolve(strip(physicalPath));
            return Files.isRegularFile(file)
                    ? Optional.of(TextFiles.decode(Files.readAllBytes(file), StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Path root(String physicalPath) {
        String relative = strip(physicalPath);
        return roots.stream().filter(root -> Files.exists(root.resolve(relative))).findFirst().orElse(roots.get(0));
    }

    private static String strip(String path) {
        String withoutPrefix = path.startsWith(CLASSPATH) ? path.substring(CLASSPATH.length()) : path;
        return withoutPrefix.startsWith("/") ? withoutPrefix.substring(1) : withoutPrefix;
    }
}
