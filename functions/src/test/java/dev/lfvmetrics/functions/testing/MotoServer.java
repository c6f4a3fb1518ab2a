package dev.lfvmetrics.functions.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A moto server process started for the tests and stopped with them. Found by {@code scripts/find-moto.sh}:
 * {@code moto_server} on the PATH, else {@code $MOTO_PYTHON}, else a {@code python3} that imports moto, else
 * pyenv's 3.11.7.
 */
final class MotoServer implements AutoCloseable {

    private static final String INSTALL_HINT = "moto is not installed: the integration tests need an AWS emulator. "
            + "Install it with: pip install \"moto[server]\" (or set MOTO_PYTHON to a python that has it)";

    private final Process process;
    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static MotoServer start() {
        List<String> command = new ArrayList<>(findCommand());
        int port = freePort();
        command.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
        Path log;
        Process process;
        try {
            log = Files.createTempFile("moto-", ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start moto with " + command + ". " + INSTALL_HINT, e);
        }
        MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        server.awaitReady(log);
        return server;
    }

    URI endpoint() {
        return endpoint;
    }

    void reset() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moto reset answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto reset failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resetting moto", e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto exited at start-up: " + tail(log) + "\n" + INSTALL_HINT);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() < 500) {
                    return;
                }
            } catch (IOException notYet) {
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto", e);
            }
        }
        close();
        throw new IllegalStateException("moto did not answer on " + endpoint + " within 60 s: " + tail(log));
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The command that starts moto, as {@code scripts/find-moto.sh} (the one place that looks for it, also used by
     * the test command's pre-flight check) prints it.
     */
    private static List<String> findCommand() {
        Path script = repositoryRoot().resolve("scripts/find-moto.sh");
        try {
            Process finder = new ProcessBuilder("bash", script.toString()).start();
            String found = new String(finder.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String advice = new String(finder.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!finder.waitFor(120, TimeUnit.SECONDS) || finder.exitValue() != 0 || found.isEmpty()) {
                throw new IllegalStateException(advice.isEmpty() ? INSTALL_HINT : advice);
            }
            return List.of(found.split(" "));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking for moto", e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("scripts/find-moto.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("scripts/find-moto.sh not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for moto", e);
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
