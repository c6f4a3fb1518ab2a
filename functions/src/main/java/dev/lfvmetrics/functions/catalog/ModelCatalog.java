package dev.lfvmetrics.functions.catalog;

/** Where a model's DescribeModel document comes from: the live API or saved documents. */
public interface ModelCatalog {

    /**
     * @param project project name
     * @param version model version
     * @return the model's description
     * @throws ModelNotFoundException when the catalog has no such model (permanent)
     */
    DescribedModel describe(String project, String version);
}
