package dev.lfvmetrics.functions.testing;

import java.net.URI;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one moto server for the whole test run (stopped when the run ends) and resets it before every test, so
 * each test starts from an empty account.
 */
public final class MotoExtension implements BeforeAllCallback, BeforeEachCallback {

    private static MotoServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server(context).reset();
    }

    /** @return the running server's endpoint */
    public static synchronized URI endpoint() {
        if (server == null) {
            throw new IllegalStateException("MotoExtension is not registered on this test class");
        }
        return server.endpoint();
    }

    private static synchronized MotoServer server(ExtensionContext context) {
        if (server == null) {
            MotoServer started = MotoServer.start();
            // The root store closes AutoCloseable values when the whole run ends.
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(MotoServer.class, started);
            server = started;
        }
        return server;
    }
}
