package dev.lfvmetrics.core.masks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Masks in a local folder: {@code s3://BUCKET/KEY} is {@code DIR/BUCKET/KEY} (the local mode's layout), any other
 * reference a path relative to the manifest's folder.
 *
 * @param root           the folder of buckets ({@code --masks DIR})
 * @param manifestFolder the folder relative references start from
 */
public record FolderMasks(Path root, Path manifestFolder) implements MaskSource {

    @Override
    public InputStream open(String ref) throws IOException {
        Path file = resolve(ref);
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new MissingMaskException(file.toString());
        }
    }

    /**
     * @param ref a manifest reference
     * @return the file it names
     * @throws IOException when an s3:// reference has no key, or a path leaves the folder it is relative to
     */
    Path resolve(String ref) throws IOException {
        if (ref.startsWith("s3://")) {
            String rest = ref.substring("s3://".length());
            int slash = rest.indexOf('/');
            if (slash <= 0 || slash == rest.length() - 1) {
                throw new IOException("not an s3://BUCKET/KEY reference");
            }
            return inside(root, rest);
        }
        return inside(manifestFolder, ref);
    }

    private static Path inside(Path base, String relative) throws IOException {
        Path resolved = base.resolve(relative).normalize();
        // A reference is data from the manifest: it must not reach files outside the folder it is meant for.
        if (!resolved.startsWith(base.normalize())) {
            throw new IOException("the reference leaves " + base);
        }
        return resolved;
    }
}
