package dev.dbops.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads one Maven artifact into a local-repository path, accepting it only when its SHA-1 matches
 * the repository's {@code .sha1} file.
 */
final class ArtifactDownload {

    private static final Logger LOG = LoggerFactory.getLogger(ArtifactDownload.class);

    private final URI source;

    ArtifactDownload(URI source) {
        this.source = source;
    }

    /** Why a download failed, in words fit for the "what was tried" list of an error message. */
    static final class DownloadException extends Exception {
        private static final long serialVersionUID = 1L;

        DownloadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Downloads to a temporary file next to {@code target}, checks the SHA-1, then moves it into place. */
    void downloadVerified(Path target) throws DownloadException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        Path temporary = null;
        try {
            String expected = fetchSha1(client);
            Files.createDirectories(target.getParent());
            temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            long started = System.nanoTime();
            HttpResponse<InputStream> response = client.send(
                    HttpRequest.newBuilder(source).timeout(Duration.ofMinutes(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            try (InputStream body = new DigestInputStream(response.body(), sha1);
                    OutputStream out = Files.newOutputStream(temporary)) {
                requireOk(response.statusCode(), source);
                body.transferTo(out);
            }
            String actual = HexFormat.of().formatHex(sha1.digest());
            if (!actual.equals(expected)) {
                throw new DownloadException("the file's SHA-1 is " + actual + " but " + source + ".sha1 says "
                        + expected + " (damaged download or a misbehaving mirror)", null);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Downloaded {} to {} in {} ms", source, target, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new DownloadException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException("interrupted", e);
        } catch (NoSuchAlgorithmException e) {
            throw new DownloadException("this JVM has no SHA-1 digest", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    LOG.debug("Cannot delete {}: {}", temporary, e.getMessage());
                }
            }
        }
    }

    private String fetchSha1(HttpClient client) throws IOException, InterruptedException, DownloadException {
        URI sha1Uri = URI.create(source + ".sha1");
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(sha1Uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
        requireOk(response.statusCode(), sha1Uri);
        String text = response.body().strip();
        String hex = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{40}")) {
            throw new DownloadException(sha1Uri + " does not hold a SHA-1 checksum", null);
        }
        return hex;
    }

    private static void requireOk(int status, URI uri) throws DownloadException {
        if (status == 404) {
            throw new DownloadException(uri + " was not found (HTTP 404) — is the version published?", null);
        }
        if (status != 200) {
            throw new DownloadException(uri + " answered HTTP " + status, null);
        }
    }
}
