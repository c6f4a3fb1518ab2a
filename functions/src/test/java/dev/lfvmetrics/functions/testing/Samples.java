package dev.lfvmetrics.functions.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lfvmetrics.core.evaluate.EvaluationOptions;
import dev.lfvmetrics.core.evaluate.Evaluator;
import dev.lfvmetrics.core.format.Formats;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.summary.Summary;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The bundled sample artifacts (events/artifacts/lfv-samples), read from the test class path. */
public final class Samples {

    public static final String ROOT = "/events/artifacts/lfv-samples/";

    private Samples() {
    }

    /** The text of a sample file, e.g. {@code circuit-board/output/EvaluationResult-circuit-board-1.json}. */
    public static String text(String path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The engine's summary of one sample model, evaluated from its files. */
    public static Summary summary(String project, String version) {
        String folder = project + "/output/";
        String stem = project + "-" + version + ".json";
        try (InputStream manifest = open(folder + "EvaluationManifest-" + stem);
                InputStream result = open(folder + "EvaluationResult-" + stem);
                InputStream description = open(folder + "DescribeModel-" + stem)) {
            return new Evaluator(EvaluationOptions.defaults()).evaluate(manifest, "manifest",
                    Formats.readResult(result, "result"), Formats.readDescription(description, "description"),
                    null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of a sample file, e.g. {@code cookies/test/anomaly/test-000.jpg}. */
    public static byte[] bytes(String path) {
        try (InputStream in = open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the folder of sample buckets ({@code events/artifacts}), as the local mode and --masks read it */
    public static Path artifactsFolder() {
        try {
            return Path.of(Samples.class.getResource(ROOT).toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sample file, e.g. {@code cookies/output/EvaluationManifest-cookies-1.json}; the caller closes it. */
    public static InputStream open(String path) {
        InputStream in = Samples.class.getResourceAsStream(ROOT + path);
        if (in == null) {
            throw new IllegalStateException("sample " + ROOT + path + " is not on the test class path");
        }
        return in;
    }
}
