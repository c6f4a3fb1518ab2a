package dev.lfvmetrics.functions.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.contracts.ErrorCodes;
import dev.lfvmetrics.contracts.Routes;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.registry.ModelQualityDocument;
import dev.lfvmetrics.core.compare.SummaryComparison;
import dev.lfvmetrics.core.evaluate.EvaluationOptions;
import dev.lfvmetrics.core.summary.ImageResult;
import dev.lfvmetrics.core.summary.Sources;
import dev.lfvmetrics.core.summary.Summary;
import dev.lfvmetrics.core.policy.PolicyEvaluator;
import dev.lfvmetrics.core.policy.ThresholdPolicy;
import dev.lfvmetrics.functions.alert.InvalidPolicyException;
import dev.lfvmetrics.functions.alert.Verdict;
import dev.lfvmetrics.functions.alert.Verdicts;
import dev.lfvmetrics.functions.artifacts.ObjectNotFoundException;
import dev.lfvmetrics.functions.artifacts.ImageLinks;
import dev.lfvmetrics.functions.artifacts.ObjectStore;
import dev.lfvmetrics.functions.artifacts.S3Masks;
import dev.lfvmetrics.functions.artifacts.S3Uri;
import dev.lfvmetrics.functions.artifacts.StoredImages;
import dev.lfvmetrics.functions.ingest.IngestService;
import dev.lfvmetrics.functions.store.Headline;
import dev.lfvmetrics.functions.store.InvalidPageTokenException;
import dev.lfvmetrics.functions.store.ModelRecord;
import dev.lfvmetrics.functions.store.ModelStore;
import dev.lfvmetrics.functions.store.Page;
import dev.lfvmetrics.functions.store.ProjectHead;
import dev.lfvmetrics.functions.store.Versions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The query API's routes (docs/design.md, docs/openapi.yaml), independent of the HTTP runtime. Every failure the
 * caller can fix is an {@link ApiException} naming the bad parameter; anything else propagates to the handler,
 * which logs it and answers a generic 500.
 */
public final class ApiService {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    static final String NO_STORED_IMAGES = "no paired tests: a version has no stored per-image results (ingested "
            + "without a details bucket) or more than " + StoredImages.MAX_IMAGES + " images; compare the evaluation "
            + "manifests with lfv-metrics compare";
    private static final DashboardFiles DASHBOARD = new DashboardFiles(ApiService.class.getClassLoader());

    private final ModelStore store;
    private final Verdicts verdicts;
    private final ObjectStore objects;
    private final String detailsBucket;
    private final StoredImages images;
    private final boolean dashboard;
    private final ImageLinks links;
    private final Set<String> allowedBuckets;

    /**
     * @param store         the model store
     * @param verdicts      policy judgement
     * @param objects       the details bucket's storage
     * @param detailsBucket the details bucket, null when per-image results are unavailable
     * @param dashboard     whether to serve the dashboard page
     * @param links         short-lived links to images and masks
     * @param allowedBuckets the buckets images and masks may be linked from (ARTIFACTS_BUCKETS), empty for any
     */
    public ApiService(ModelStore store, Verdicts verdicts, ObjectStore objects, String detailsBucket,
                      boolean dashboard, ImageLinks links, Set<String> allowedBuckets) {
        this.store = store;
        this.verdicts = verdicts;
        this.objects = objects;
        this.detailsBucket = detailsBucket;
        this.images = new StoredImages(objects, detailsBucket);
        this.dashboard = dashboard;
        this.links = links;
        this.allowedBuckets = Set.copyOf(allowedBuckets);
    }

    /**
     * @param request the request
     * @return the response
     * @throws ApiException for anything the caller can fix
     */
    public ApiResponse handle(ApiRequest request) {
        try {
            return route(request);
        } catch (InvalidPolicyException e) {
            throw new ApiException(500, ErrorCodes.POLICY_IN_FORCE_INVALID, e.getMessage()
                    + "; fix it with PUT /projects/{project}/thresholds, or redeploy with a valid defaultPolicy");
        }
    }

    private ApiResponse route(ApiRequest request) {
        List<String> path = segments(request.path());
        String method = request.method();
        if (path.isEmpty()) {
            requireDashboard();
            allow(method, "GET");
            return new ApiResponse(302, null, null, Map.of("Location", "/ui/"));
        }
        if (path.get(0).equals("ui")) {
            requireDashboard();
            allow(method, "GET");
            if (path.size() == 1 && !request.path().endsWith("/")) {
                return new ApiResponse(302, null, null, Map.of("Location", "/ui/"));
            }
            String file = String.join("/", path.subList(1, path.size()));
            return DASHBOARD.find(file)
                    .map(f -> new ApiResponse(200, f.contentType(), f.body(), Map.of("Cache-Control", "no-cache")))
                    .orElseThrow(() -> ApiException.notFound("no such file: /ui/" + file));
        }
        if (!path.get(0).equals("projects")) {
            throw ApiException.notFound("no such route: " + request.path());
        }
        if (path.size() == 1) {
            allow(method, "GET");
            return projects();
        }
        String project = project(path.get(1));
        if (path.size() == 3 && path.get(2).equals("models")) {
            allow(method, "GET");
            return history(project, request.query());
        }
        if (path.size() == 4 && path.get(2).equals("models")) {
            allow(method, "GET");
            return model(project, path.get(3));
        }
        if (path.size() == 5 && path.get(2).equals("models") && path.get(4).equals(Routes.MODEL_QUALITY)) {
            allow(method, "GET");
            return modelQuality(project, path.get(3));
        }
        if (path.size() == 5 && path.get(2).equals("models") && path.get(4).equals("images")) {
            allow(method, "GET");
            return images(project, path.get(3), request.query());
        }
        if (path.size() == 6 && path.get(2).equals("models") && path.get(4).equals("images")) {
            allow(method, "GET");
            return image(project, path.get(3), path.get(5));
        }
        if (path.size() == 3 && path.get(2).equals("compare")) {
            allow(method, "GET");
            return compare(project, request.query());
        }
        if (path.size() == 3 && path.get(2).equals("thresholds")) {
            allow(method, "GET", "PUT");
            return method.equals("PUT") ? putThresholds(project, request.body()) : thresholds(project);
        }
        throw ApiException.notFound("no such route: " + request.path());
    }

    private ApiResponse projects() {
        ArrayNode projects = Json.mapper().createArrayNode();
        for (ProjectHead head : store.projects()) {
            ObjectNode p = projects.addObject();
            p.put("project", head.project());
            p.put("latestVersion", head.version());
            p.put("status", head.status());
            p.put("badge", store.model(head.project(), head.version()).map(verdicts::judge).map(Verdict::badge)
                    .orElse(null));
            p.put("evaluatedAt", head.evaluatedAt());
            p.put("ingestedAt", head.ingestedAt());
            p.set("headline", headline(head.headline()));
        }
        ObjectNode root = Json.mapper().createObjectNode();
        root.set("projects", projects);
        return ok(root);
    }

    private ApiResponse history(String project, Map<String, String> query) {
        int limit = limit(query);
        Page<ModelRecord> page;
        try {
            page = store.history(project, limit, query.get("next"));
        } catch (InvalidPageTokenException e) {
            throw ApiException.badParameter("next", e.getMessage());
        }
        if (page.items().isEmpty() && query.get("next") == null && store.latest(project).isEmpty()) {
            throw ApiException.notFound("unknown project: " + project);
        }
        Optional<Verdict> policy = verdicts.policyFor(project);
        ArrayNode items = Json.mapper().createArrayNode();
        for (ModelRecord model : page.items()) {
            ObjectNode item = items.addObject();
            item.put("version", model.version());
            item.put("status", model.status());
            item.put("badge", verdicts.judge(model, policy).badge());
            item.put("ingestedAt", model.ingestedAt());
            item.put("evaluatedAt", Headline.evaluatedAt(model.summaryJson()));
            item.set("headline", headline(Headline.of(model.summaryJson())));
            item.set("intervals", Headline.intervals(model.summaryJson()));
        }
        ObjectNode root = Json.mapper().createObjectNode();
        root.set("items", items);
        root.put("next", page.next());
        return ok(root);
    }

    private ApiResponse model(String project, String version) {
        ModelRecord model = find(project, version, "version");
        Verdict verdict = verdicts.judge(model);
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("project", model.project());
        root.put("version", model.version());
        root.put("status", model.status());
        root.put("statusMessage", model.statusMessage());
        root.put("ingestedAt", model.ingestedAt());
        root.put("badge", verdict.badge());
        root.set("breaches", Json.mapper().valueToTree(verdict.breaches()));
        root.set("inconclusive", Json.mapper().valueToTree(verdict.inconclusive()));
        root.set("policy", Json.mapper().valueToTree(verdict.policy()));
        // The stored documents are this project's own JSON: copied into the answer as they are, not parsed and
        // written again (on a cold start, parsing a 40 KB summary into a tree was a measurable part of the request).
        rawOrNull(root, "summary", model.evaluated() ? model.summaryJson() : null);
        rawOrNull(root, "training", model.trainingJson());
        return ok(root);
    }

    /** The version's figures as SageMaker Model Registry's model-quality document, to attach to a model package. */
    private ApiResponse modelQuality(String project, String version) {
        ModelRecord model = find(project, version, "version");
        if (!model.evaluated()) {
            throw ApiException.notFound(project + " version " + version + " has no evaluation ("
                    + (model.pending() ? "pending" : model.status()) + ")");
        }
        return ok(ModelQualityDocument.of(Verdicts.summary(model)));
    }

    private ApiResponse images(String project, String version, Map<String, String> query) {
        String outcome = query.getOrDefault("outcome", "all");
        if (!List.of("all", "correct", "incorrect").contains(outcome)) {
            throw ApiException.badParameter("outcome", "must be incorrect, correct or all, not '" + outcome + "'");
        }
        int limit = limit(query);
        long fromByte = imagesOffset(query.get("next"), outcome);
        ModelRecord model = find(project, version, "version");
        if (!model.evaluated() || model.detailsKey() == null || detailsBucket == null) {
            throw ApiException.notFound("no per-image results for " + project + "/" + model.version()
                    + " (status " + model.status() + ")");
        }
        // The misclassified images have a file of their own: no need to read past the correct ones.
        boolean incorrectOnly = outcome.equals("incorrect");
        S3Uri location = new S3Uri(detailsBucket, model.detailsKey()
                + (incorrectOnly ? IngestService.INCORRECT_FILE : IngestService.IMAGES_FILE));
        ArrayNode items = Json.mapper().createArrayNode();
        String next = null;
        Summary summary = Verdicts.summary(model);
        S3Uri base = manifestOf(summary);
        // A page starts where the previous one stopped (a byte offset in the token) and reads only until the
        // first image of the next page, so a page costs the same at the start and at the end of a large file.
        try (LineReader lines = new LineReader(objects.open(location, fromByte), fromByte)) {
            String line;
            long lineStart = lines.position();
            while ((line = lines.next()) != null) {
                if (!line.isBlank()) {
                    JsonNode image = imageLine(line, fromByte);
                    if (outcome.equals("all") || image.path("correct").asBoolean() == outcome.equals("correct")) {
                        if (items.size() == limit) {
                            next = imagesToken(outcome, lineStart);
                            break;
                        }
                        // Thumbnails: a link only, unchecked (the page shows a placeholder when it fails to load).
                        ((ObjectNode) image).put("imageUrl", link(image.path("sourceRef").asText(), base, false)
                                .path("url").asText(null));
                        items.add(image);
                    }
                }
                lineStart = lines.position();
            }
        } catch (ObjectNotFoundException e) {
            throw ApiException.notFound("per-image results of " + project + "/" + model.version() + " are missing");
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + location + " failed", e);
        }
        var metrics = summary.metrics();
        ObjectNode root = Json.mapper().createObjectNode();
        root.set("items", items);
        root.put("next", next);
        root.put("total", switch (outcome) {
            case "correct" -> metrics.correct();
            case "incorrect" -> metrics.incorrect();
            default -> metrics.images();
        });
        return ok(root);
    }

    /** One test image with short-lived links to it and its masks, and the masks' legends. */
    private ApiResponse image(String project, String version, String lineText) {
        long line;
        try {
            line = Long.parseLong(lineText);
        } catch (NumberFormatException e) {
            line = 0;
        }
        if (line < 1) {
            throw ApiException.badParameter("line", "must be a manifest line number (1 or more), not '" + lineText
                    + "'");
        }
        ModelRecord model = find(project, version, "version");
        if (!model.evaluated() || model.detailsKey() == null || detailsBucket == null) {
            throw ApiException.notFound("no per-image results for " + project + "/" + model.version()
                    + " (status " + model.status() + ")");
        }
        long wanted = line;
        JsonNode image = detailsLine(model, IngestService.IMAGES_FILE, wanted).orElseThrow(() ->
                ApiException.notFound("no test image on line " + wanted + " of " + project + "/" + model.version()));
        JsonNode masks = detailsLine(model, IngestService.MASKS_FILE, wanted).orElse(null);
        S3Uri base = manifestOf(Verdicts.summary(model));
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("project", model.project());
        root.put("version", model.version());
        root.set("image", image);
        ObjectNode files = root.putObject("files");
        files.set("image", link(image.path("sourceRef").asText(), base, true));
        String truth = masks == null ? null : masks.path("truthRef").asText(null);
        String predicted = masks == null ? null : masks.path("predictedRef").asText(null);
        files.set("truthMask", truth == null ? Json.mapper().nullNode() : link(truth, base, true));
        files.set("predictedMask", predicted == null ? Json.mapper().nullNode() : link(predicted, base, true));
        ObjectNode legend = root.putObject("legend");
        legend.set("truth", masks == null ? Json.mapper().createArrayNode() : masks.path("truthLegend"));
        legend.set("predicted", masks == null ? Json.mapper().createArrayNode() : masks.path("predictedLegend"));
        return ok(root);
    }

    /** The line of a details file (images.jsonl, masks.jsonl) with that manifest line number. */
    private Optional<JsonNode> detailsLine(ModelRecord model, String file, long line) {
        S3Uri location = new S3Uri(detailsBucket, model.detailsKey() + file);
        try (LineReader lines = new LineReader(objects.open(location, 0), 0)) {
            String text;
            while ((text = lines.next()) != null) {
                if (!text.isBlank()) {
                    JsonNode node = Json.mapper().readTree(text);
                    if (node.path("line").asLong() == line) {
                        return Optional.of(node);
                    }
                }
            }
            return Optional.empty();
        } catch (ObjectNotFoundException e) {
            // masks.jsonl exists for segmentation evaluations only; a missing images.jsonl is answered by the caller.
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + location + " failed", e);
        }
    }

    /** Where relative references of the evaluation start: its manifest, else its ground truth. */
    private static S3Uri manifestOf(Summary summary) {
        Sources sources = summary.sources();
        String manifest = sources == null ? null : sources.manifest() != null ? sources.manifest()
                : sources.groundTruth();
        try {
            return manifest == null || !manifest.startsWith("s3://") ? null : S3Uri.parse(manifest);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * {@code {"ref", "url"}} for an object the stack may read, or {@code {"ref", "url": null, "reason"}} saying why
     * there is no link: never a link to a bucket outside the allow-list.
     */
    private ObjectNode link(String ref, S3Uri base, boolean checkExists) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("ref", ref);
        S3Uri object;
        try {
            object = ref.startsWith("s3://") || base != null ? S3Masks.resolve(base, ref) : null;
        } catch (IllegalArgumentException e) {
            object = null;
        }
        String reason = null;
        if (object == null) {
            reason = "not an s3:// reference the stack can resolve";
        } else if (!allowedBuckets.isEmpty() && !allowedBuckets.contains(object.bucket())) {
            reason = "bucket " + object.bucket() + " is not one the stack may read (artifactsBuckets)";
        } else if (checkExists && !objects.exists(object)) {
            reason = "no such object: " + object;
        }
        if (reason != null) {
            node.putNull("url");
            node.put("reason", reason);
        } else {
            node.put("url", links.url(object));
        }
        return node;
    }

    private ApiResponse compare(String project, Map<String, String> query) {
        String base = query.get("base");
        String candidate = query.get("candidate");
        if (base == null || base.isBlank()) {
            throw ApiException.badParameter("base", "required: the base model version");
        }
        if (candidate == null || candidate.isBlank()) {
            throw ApiException.badParameter("candidate", "required: the candidate model version");
        }
        ModelRecord baseModel = find(project, base, "base");
        ModelRecord candidateModel = find(project, candidate, "candidate");
        for (ModelRecord m : List.of(baseModel, candidateModel)) {
            if (!m.evaluated()) {
                throw ApiException.notFound(project + "/" + m.version() + " has no evaluation (status "
                        + m.status() + ")");
            }
        }
        double level = level(query.get("level"));
        Summary b = Verdicts.summary(baseModel);
        Summary c = Verdicts.summary(candidateModel);
        List<ImageResult> baseImages = storedImages(project, baseModel, b);
        List<ImageResult> candidateImages = baseImages == null ? null : storedImages(project, candidateModel, c);
        return ok(Json.mapper().valueToTree(candidateImages == null
                ? SummaryComparison.withoutTests(b, c, NO_STORED_IMAGES)
                : SummaryComparison.compare(b, c, baseImages, candidateImages, level)));
    }

    private static double level(String value) {
        if (value == null) {
            return EvaluationOptions.DEFAULT_INTERVAL_LEVEL;
        }
        try {
            double level = Double.parseDouble(value);
            if (EvaluationOptions.isIntervalLevel(level)) {
                return level;
            }
        } catch (NumberFormatException e) {
            // The same answer as for a number out of range, below.
        }
        throw ApiException.badParameter("level", "must be a number between 0 and 1, not '" + value + "'");
    }

    /** A version's stored per-image results, or null when it has none or more than the comparison pairs. */
    private List<ImageResult> storedImages(String project, ModelRecord model, Summary summary) {
        try {
            return images.read(model, summary.metrics().images());
        } catch (ObjectNotFoundException e) {
            throw ApiException.notFound("per-image results of " + project + "/" + model.version() + " are missing");
        }
    }

    private ApiResponse thresholds(String project) {
        Optional<Verdict> policy = verdicts.policyFor(project);
        boolean ownPolicy = policy.map(v -> Verdicts.PROJECT.equals(v.policySource())).orElse(false);
        if (!ownPolicy && store.latest(project).isEmpty()) {
            throw ApiException.notFound("unknown project: " + project);
        }
        ObjectNode root = Json.mapper().createObjectNode();
        root.set("policy", Json.mapper().valueToTree(policy.map(Verdict::policy).orElse(null)));
        root.put("source", policy.map(Verdict::policySource).orElse(null));
        return ok(root);
    }

    private ApiResponse putThresholds(String project, String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badParameter("body", "required: a threshold policy JSON document");
        }
        ThresholdPolicy policy;
        try {
            policy = PolicyEvaluator.read(body, "body");
        } catch (InvalidInputException e) {
            throw new ApiException(400, ErrorCodes.INVALID_POLICY, e.getMessage());
        }
        String json = write(policy);
        store.putPolicy(project, json);
        ObjectNode root = Json.mapper().createObjectNode();
        root.set("policy", tree(json));
        root.put("source", Verdicts.PROJECT);
        return ok(root);
    }

    private ModelRecord find(String project, String version, String parameter) {
        if ("latest".equals(version)) {
            return store.latest(project).orElseThrow(() -> ApiException.notFound("unknown project: " + project));
        }
        if (!Versions.isVersion(version)) {
            throw ApiException.badParameter(parameter, "'" + version + "' is not a model version "
                    + "(1 to 10 digits, or latest)");
        }
        Optional<ModelRecord> model = store.model(project, version);
        if (model.isPresent()) {
            return model.get();
        }
        if (store.latest(project).isEmpty()) {
            throw ApiException.notFound("unknown project: " + project);
        }
        throw ApiException.notFound("project " + project + " has no version " + version);
    }

    private void requireDashboard() {
        if (!dashboard) {
            throw ApiException.notFound("the dashboard is not enabled");
        }
    }

    private static void allow(String method, String... allowed) {
        if (!List.of(allowed).contains(method)) {
            throw new ApiException(405, ErrorCodes.METHOD_NOT_ALLOWED, method + " is not allowed here; use "
                    + String.join(" or ", allowed), Map.of("Allow", String.join(", ", allowed)));
        }
    }

    private static String project(String raw) {
        if (!Versions.isProject(raw)) {
            throw ApiException.badParameter("project", "'" + raw + "' is not a project name "
                    + "(letters, digits, '-' and '_', 1 to 255 characters)");
        }
        return raw;
    }

    private static int limit(Map<String, String> query) {
        String raw = query.get("limit");
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Not a number: the same answer as an out-of-range one, below.
        }
        throw ApiException.badParameter("limit", "must be a whole number from 1 to " + MAX_LIMIT + ", not '"
                + raw + "'");
    }

    private static JsonNode imageLine(String line, long fromByte) throws IOException {
        try {
            return Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            if (fromByte > 0) {
                // A token from before the model was ingested again points into a file that has changed since.
                throw ApiException.badParameter("next", "no longer valid: the results changed; start again");
            }
            throw e;
        }
    }

    private static long imagesOffset(String token, String outcome) {
        if (token == null) {
            return 0;
        }
        String prefix = "i:" + outcome + ":";
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith(prefix)) {
                long offset = Long.parseLong(decoded.substring(prefix.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("next", "not a token issued by this listing");
        }
        throw ApiException.badParameter("next", "not a token issued by this listing with outcome=" + outcome);
    }

    private static String imagesToken(String outcome, long byteOffset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("i:" + outcome + ":" + byteOffset).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String raw : (path == null ? "" : path).split("/")) {
            if (!raw.isEmpty()) {
                try {
                    segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badParameter("path", "malformed percent-encoding in '" + raw + "'");
                }
            }
        }
        return segments;
    }

    private static ObjectNode headline(Map<String, Double> figures) {
        ObjectNode headline = Json.mapper().createObjectNode();
        for (String name : Headline.METRICS) {
            Double value = figures.get(name);
            if (value == null) {
                headline.putNull(name);
            } else if (name.equals("images")) {
                headline.put(name, value.longValue());
            } else {
                headline.put(name, value);
            }
        }
        return headline;
    }

    private static void rawOrNull(ObjectNode root, String field, String json) {
        if (json == null) {
            root.putNull(field);
        } else {
            root.putRawValue(field, new RawValue(json));
        }
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not JSON", e);
        }
    }

    private static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("policy records always serialise", e);
        }
    }

    private static ApiResponse ok(JsonNode body) {
        return ApiResponse.json(200, body.toString());
    }
}
