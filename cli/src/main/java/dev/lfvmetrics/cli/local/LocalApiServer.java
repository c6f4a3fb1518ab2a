package dev.lfvmetrics.cli.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lfvmetrics.cli.loopback.LoopbackGuard;
import dev.lfvmetrics.contracts.ErrorCodes;
import dev.lfvmetrics.functions.api.ApiHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the query API on loopback by turning each HTTP request into the API Gateway HTTP API event (payload format
 * 2.0) that the deployed function receives, and its answer back into HTTP: the same {@link ApiHandler} runs here.
 */
public final class LocalApiServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private LocalApiServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving.
     *
     * @param handler the API handler
     * @param port    the port, 0 for any free one
     * @return the running server
     * @throws IOException when the port cannot be bound
     */
    public static LocalApiServer start(ApiHandler handler, int port) throws IOException {
        return start(handler, port, null);
    }

    /**
     * Starts serving the API and, under {@code /files/BUCKET/KEY}, the artifacts folder's images and masks (the
     * links {@link LocalFileLinks} hands out instead of presigned URLs).
     *
     * @param handler   the API handler
     * @param port      the port, 0 for any free one
     * @param artifacts the folder of buckets, or null for no file route
     * @return the running server
     * @throws IOException when the port cannot be bound
     */
    public static LocalApiServer start(ApiHandler handler, int port, Path artifacts) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(handler, exchange, server.getAddress().getPort()));
        if (artifacts != null) {
            Path root = artifacts.toAbsolutePath().normalize();
            server.createContext(LocalFileLinks.ROUTE, exchange -> file(root, exchange,
                    server.getAddress().getPort()));
        }
        server.start();
        return new LocalApiServer(server, executor);
    }

    /** @return the base URL, such as {@code http://127.0.0.1:8080} */
    public URI url() {
        return url(server.getAddress().getPort());
    }

    /**
     * @param port a port on the loopback address
     * @return the base URL the server has on that port
     */
    public static URI url(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void serve(ApiHandler handler, HttpExchange exchange, int port) throws IOException {
        try (exchange) {
            if (!fromLoopback(exchange, port)) {
                return;
            }
            byte[] requestBody = LoopbackGuard.readBody(exchange.getRequestBody());
            if (requestBody == null) {
                LoopbackGuard.sendError(exchange, 413, ErrorCodes.PAYLOAD_TOO_LARGE, "request bodies are limited to "
                        + LoopbackGuard.MAX_BODY + " bytes");
                return;
            }
            APIGatewayV2HTTPResponse response = handler.handleRequest(toEvent(exchange, requestBody), null);
            byte[] body = body(response);
            if (response.getHeaders() != null) {
                response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            }
            send(exchange, response.getStatusCode(), body);
        }
    }

    /** Whether the request names this server by its loopback address; answers 403 when not. */
    private static boolean fromLoopback(HttpExchange exchange, int port) throws IOException {
        if (LoopbackGuard.isLoopbackHost(exchange.getRequestHeaders().getFirst("Host"), port)) {
            return true;
        }
        // The deployed API checks who calls (IAM); here any page the user opens could call, through DNS
        // rebinding, unless the request names this server by its loopback address.
        LoopbackGuard.sendError(exchange, 403, ErrorCodes.FORBIDDEN_HOST, "open http://127.0.0.1:" + port
                + " instead");
        return false;
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }


    private static void file(Path root, HttpExchange exchange, int port) throws IOException {
        try (exchange) {
            if (!fromLoopback(exchange, port)) {
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                LoopbackGuard.sendError(exchange, 405, ErrorCodes.METHOD_NOT_ALLOWED, "files are read with GET");
                return;
            }
            // getPath() is decoded; the file must stay inside the artifacts folder whatever the path says.
            String relative = exchange.getRequestURI().getPath().substring(LocalFileLinks.ROUTE.length());
            Path file = root.resolve(relative).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                LoopbackGuard.sendError(exchange, 404, ErrorCodes.NOT_FOUND, "no such file: " + relative);
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", contentType(bytes));
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            send(exchange, 200, bytes);
        }
    }

    /** By the file's first bytes, not its name: sample images are PNGs named as the service's .jpg. */
    static String contentType(byte[] bytes) {
        if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return "image/png";
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        return "application/octet-stream";
    }

    static APIGatewayV2HTTPEvent toEvent(HttpExchange exchange, byte[] bytes) {
        URI uri = exchange.getRequestURI();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String body = bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(uri.getRawPath())
                .withRawQueryString(uri.getRawQuery() == null ? "" : uri.getRawQuery())
                .withQueryStringParameters(query(uri.getRawQuery()))
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
                                .withPath(uri.getRawPath())
                                .withProtocol("HTTP/1.1")
                                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                                .build())
                        .build())
                .build();
    }

    /** API Gateway decodes the query string and joins repeated parameters with commas; so does this. */
    static Map<String, String> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static byte[] body(APIGatewayV2HTTPResponse response) {
        if (response.getBody() == null) {
            return new byte[0];
        }
        return response.getIsBase64Encoded()
                ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
    }
}
