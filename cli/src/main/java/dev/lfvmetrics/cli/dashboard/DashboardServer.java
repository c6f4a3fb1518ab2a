package dev.lfvmetrics.cli.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lfvmetrics.cli.loopback.LoopbackGuard;
import dev.lfvmetrics.contracts.ErrorCodes;
import dev.lfvmetrics.functions.api.DashboardFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Serves the dashboard page on 127.0.0.1 and forwards its {@code /projects...} calls through a
 * {@link SigningForwarder}, so a browser can use an IAM-authorized API with the caller's credentials.
 */
public final class DashboardServer implements AutoCloseable {


    private final HttpServer server;
    private final ExecutorService executor;
    private final DashboardFiles page;
    private final SigningForwarder forwarder;
    private final PrintStream log;

    private DashboardServer(HttpServer server, ExecutorService executor, DashboardFiles page,
            SigningForwarder forwarder, PrintStream log) {
        this.server = server;
        this.executor = executor;
        this.page = page;
        this.forwarder = forwarder;
        this.log = log;
    }

    /**
     * Starts serving on the loopback interface.
     *
     * @param port      the port, 0 for any free one
     * @param page      the page's files
     * @param forwarder where API calls go
     * @param log       where upstream and credential failures are described (never to the browser)
     * @return the running server
     * @throws IOException when the port cannot be bound
     */
    public static DashboardServer start(int port, DashboardFiles page, SigningForwarder forwarder, PrintStream log)
            throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(8);
        DashboardServer dashboard = new DashboardServer(http, executor, page, forwarder, log);
        http.createContext("/", dashboard::handle);
        http.setExecutor(executor);
        http.start();
        return dashboard;
    }

    /**
     * The port actually bound.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The page's address.
     *
     * @return {@code http://127.0.0.1:<port>/ui/}
     */
    public URI pageUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/ui/");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (!LoopbackGuard.isLoopbackHost(exchange.getRequestHeaders().getFirst("Host"), port())) {
                // A page on another site that re-points its host name at 127.0.0.1 (DNS rebinding) must not get
                // to use the caller's credentials through this server.
                LoopbackGuard.sendError(exchange, 403, ErrorCodes.FORBIDDEN_HOST, "Open the dashboard at " + pageUrl());
            } else if (path.equals("/") || path.equals("/ui")) {
                exchange.getResponseHeaders().set("Location", "/ui/");
                exchange.sendResponseHeaders(302, -1);
            } else if (path.startsWith("/ui/")) {
                serveFile(exchange, path.substring("/ui/".length()));
            } else if (path.equals("/projects") || path.startsWith("/projects/")) {
                forward(exchange);
            } else {
                LoopbackGuard.sendError(exchange, 404, ErrorCodes.NOT_FOUND, "No such route: " + safe(path));
            }
        }
    }

    private void serveFile(HttpExchange exchange, String name) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            LoopbackGuard.sendError(exchange, 405, ErrorCodes.METHOD_NOT_ALLOWED, "The page accepts GET only");
            return;
        }
        Optional<DashboardFiles.File> file = page.find(name);
        if (file.isEmpty()) {
            LoopbackGuard.sendError(exchange, 404, ErrorCodes.NOT_FOUND, "No such dashboard file: " + safe(name));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", file.get().contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        send(exchange, 200, file.get().body());
    }

    private void forward(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("PUT")) {
            exchange.getResponseHeaders().set("Allow", "GET, PUT");
            LoopbackGuard.sendError(exchange, 405, ErrorCodes.METHOD_NOT_ALLOWED, "The API accepts GET and PUT only");
            return;
        }
        byte[] body = LoopbackGuard.readBody(exchange.getRequestBody());
        if (body == null) {
            LoopbackGuard.sendError(exchange, 413, ErrorCodes.PAYLOAD_TOO_LARGE, "Request bodies are limited to "
                    + LoopbackGuard.MAX_BODY + " bytes");
            return;
        }
        URI uri = exchange.getRequestURI();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        SigningForwarder.Response response;
        try {
            response = forwarder.forward(method, uri.getRawPath(), uri.getRawQuery(), contentType, body);
        } catch (SdkClientException e) {
            log.println("lfv-metrics dashboard: could not sign " + method + " " + uri.getRawPath() + ": " + e);
            LoopbackGuard.sendError(exchange, 500, ErrorCodes.NO_CREDENTIALS,
                    "AWS credentials could not be resolved; see the console of lfv-metrics dashboard");
            return;
        } catch (IOException e) {
            log.println("lfv-metrics dashboard: " + method + " " + forwarder.endpoint().base() + uri.getRawPath()
                    + " failed: " + e);
            LoopbackGuard.sendError(exchange, 502, ErrorCodes.UPSTREAM_UNREACHABLE,
                    "The API at " + forwarder.endpoint().base().getHost() + " could not be reached");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LoopbackGuard.sendError(exchange, 503, ErrorCodes.SHUTTING_DOWN, "The dashboard server is stopping");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, response.status(), response.body());
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    // Echoed paths are cut short so a hostile URL cannot fill the error message.
    private static String safe(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
