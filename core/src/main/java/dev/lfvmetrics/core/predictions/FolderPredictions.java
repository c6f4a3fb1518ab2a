package dev.lfvmetrics.core.predictions;

import dev.lfvmetrics.core.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code .out} files in a local folder, laid out as batch transform writes them under its output prefix. */
public final class FolderPredictions implements PredictionSource {

    private final Path folder;

    /**
     * @param folder the folder
     * @throws InvalidInputException when it is not a folder
     */
    public FolderPredictions(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(folder.toString(), 0, "predictions: not a folder");
        }
        this.folder = folder;
    }

    @Override
    public String location() {
        return folder.toString();
    }

    @Override
    public List<String> keys() {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
                    .filter(k -> k.endsWith(SUFFIX))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new InvalidInputException(folder.toString(), 0, "cannot list (" + e.getClass().getSimpleName()
                    + ")", e);
        }
    }

    @Override
    public InputStream open(String key) {
        try {
            return Files.newInputStream(folder.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("opening " + describe(key) + " failed", e);
        }
    }
}
