package dev.lfvmetrics.functions.watch;

import dev.lfvmetrics.functions.catalog.DescribedModel;
import dev.lfvmetrics.functions.catalog.ModelCatalog;
import dev.lfvmetrics.functions.store.Versions;

/** Asks the model catalog where a training stands. */
public final class WatchService {

    private final ModelCatalog catalog;

    /**
     * @param catalog the model catalog
     */
    public WatchService(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param project project
     * @param version version
     * @return the model's status
     */
    public WatchResult watch(String project, String version) {
        if (!Versions.isProject(project)) {
            throw new IllegalArgumentException("project '" + project + "' is not a project name");
        }
        if (!Versions.isVersion(version)) {
            throw new IllegalArgumentException("version '" + version + "' is not a model version");
        }
        DescribedModel described = catalog.describe(project, version);
        return new WatchResult(project, version, described.description().status(),
                described.description().statusMessage(), described.finished());
    }
}
