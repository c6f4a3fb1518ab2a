package dev.lfvmetrics.cli.local;

import dev.lfvmetrics.functions.store.ModelStore;
import dev.lfvmetrics.functions.testing.ModelStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The ModelStore contract on the local mode's file store. */
class FileModelStoreContractTest extends ModelStoreContract {

    @TempDir
    Path state;

    @Override
    protected ModelStore store() {
        return new FileModelStore(state.resolve("store.json"));
    }
}
