package dev.lfvmetrics.contracts;

import java.util.List;

/**
 * Every route of the query API (docs/design.md, docs/openapi.yaml), method first: the CDK app creates exactly these,
 * and a test of the functions checks that the API service answers each of them.
 */
public final class Routes {

    /** The model-quality document's last path segment. */
    public static final String MODEL_QUALITY = "evaluation.json";

    /** All routes, in the order the design lists them. */
    public static final List<String> ALL = List.of(
            "GET /projects",
            "GET /projects/{project}/models/latest",
            "GET /projects/{project}/models",
            "GET /projects/{project}/models/{version}",
            "GET /projects/{project}/models/{version}/images",
            "GET /projects/{project}/models/{version}/images/{line}",
            "GET /projects/{project}/models/{version}/" + MODEL_QUALITY,
            "GET /projects/{project}/compare",
            "GET /projects/{project}/thresholds",
            "PUT /projects/{project}/thresholds",
            "GET /",
            // '/ui' without a trailing segment is not matched by the greedy route below.
            "GET /ui",
            "GET /ui/{proxy+}");

    private Routes() {
    }
}
