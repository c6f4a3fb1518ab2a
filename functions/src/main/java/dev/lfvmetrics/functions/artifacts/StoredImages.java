package dev.lfvmetrics.functions.artifacts;

import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.summary.ImageResult;
import dev.lfvmetrics.functions.ingest.IngestService;
import dev.lfvmetrics.functions.store.ModelRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-image results the ingest stored beside a version's summary ({@code images.jsonl} in the details bucket),
 * read back for paired tests and operating points.
 */
public final class StoredImages {

    /** Both versions' images are held in memory at once to pair them, in a function of 512 MB. */
    public static final long MAX_IMAGES = 100_000;

    private final ObjectStore objects;
    private final String detailsBucket;

    /**
     * @param objects       the details bucket's storage
     * @param detailsBucket the details bucket, null when per-image results are not stored
     */
    public StoredImages(ObjectStore objects, String detailsBucket) {
        this.objects = objects;
        this.detailsBucket = detailsBucket;
    }

    /**
     * @param model  a stored, evaluated version
     * @param images how many images its summary counts
     * @return its per-image results, or null when it has none (ingested without a details bucket) or more than
     *         {@link #MAX_IMAGES}
     * @throws ObjectNotFoundException when the summary points at a file that is gone
     */
    public List<ImageResult> read(ModelRecord model, long images) {
        if (model.detailsKey() == null || detailsBucket == null || images > MAX_IMAGES) {
            return null;
        }
        S3Uri location = new S3Uri(detailsBucket, model.detailsKey() + IngestService.IMAGES_FILE);
        List<ImageResult> out = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(objects.open(location, 0),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    out.add(Json.mapper().readValue(line, ImageResult.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + location + " failed", e);
        }
        return out;
    }
}
