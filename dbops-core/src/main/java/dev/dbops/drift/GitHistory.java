package dev.dbops.drift;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the earlier versions of a migration file from git: the staged one and every committed version (on
 * any branch), newest first, so that the one with the checksum the history table recorded can be found.
 * Needs the {@code git} command and a file inside a work tree; anything else finds nothing.
 */
final class GitHistory {

    private static final Logger LOG = LoggerFactory.getLogger(GitHistory.class);
    private static final long TIMEOUT_SECONDS = 20;
    /** Enough for any migration's history; a file committed more often than this is searched in its newest versions. */
    private static final int MAX_VERSIONS = 200;

    private GitHistory() {
    }

    /** The staged and committed versions of the file, newest first; empty outside a git work tree. */
    static List<String> versions(String location) {
        Path file;
        try {
            file = Path.of(location);
        } catch (InvalidPathException e) {
            return List.of();
        }
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            Path real = file.toRealPath();
            Path directory = real.getParent();
            String top = run(directory, null, "git", "rev-parse", "--show-toplevel").strip();
            if (top.isEmpty()) {
                return List.of();
            }
            String relative = Path.of(top).toRealPath().relativize(real).toString().replace('\\', '/');
            List<String> objects = new ArrayList<>();
            objects.add(":" + relative);
            String log = run(directory, null, "git", "log", "--all", "--format=%H", "-n", String.valueOf(MAX_VERSIONS),
                    "--", relative);
            log.lines().filter(l -> !l.isBlank()).forEach(commit -> objects.add(commit.strip() + ":" + relative));
            StringBuilder request = new StringBuilder();
            objects.forEach(o -> request.append(o).append('\n'));
            byte[] batch = runBytes(directory, request.toString(), "git", "cat-file", "--batch");
            return List.copyOf(new LinkedHashSet<>(blobs(batch)));
        } catch (IOException e) {
            LOG.debug("git history of {} is not available: {}", location, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.of();
    }

    /** The contents of {@code git cat-file --batch} output, skipping objects git reports as missing. */
    private static List<String> blobs(byte[] out) {
        List<String> texts = new ArrayList<>();
        int pos = 0;
        while (pos < out.length) {
            int end = pos;
            while (end < out.length && out[end] != '\n') {
                end++;
            }
            String header = new String(out, pos, end - pos, StandardCharsets.UTF_8);
            pos = end + 1;
            String[] parts = header.split(" ");
            if (parts.length != 3 || !parts[1].equals("blob")) {
                continue;
            }
            int size = Integer.parseInt(parts[2]);
            String text = new String(out, pos, size, StandardCharsets.UTF_8);
            texts.add(text.startsWith("\uFEFF") ? text.substring(1) : text);
            pos += size + 1;
        }
        return texts;
    }

    private static String run(Path directory, String input, String... command) throws IOException, InterruptedException {
        return new String(runBytes(directory, input, command), StandardCharsets.UTF_8);
    }

    private static byte[] runBytes(Path directory, String input, String... command)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), out), "dbops-git-output");
        reader.start();
        try (OutputStream stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        reader.join();
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue());
        }
        return out.toByteArray();
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            LOG.debug("reading git's output failed: {}", e.getMessage());
        }
    }
}
