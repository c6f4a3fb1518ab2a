package dev.lfvmetrics.cli.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.functions.store.AlertState;
import dev.lfvmetrics.functions.store.Headline;
import dev.lfvmetrics.functions.store.InvalidPageTokenException;
import dev.lfvmetrics.functions.store.ModelRecord;
import dev.lfvmetrics.functions.store.ModelStore;
import dev.lfvmetrics.functions.store.Page;
import dev.lfvmetrics.functions.store.ProjectHead;
import dev.lfvmetrics.functions.store.SaveOutcome;
import dev.lfvmetrics.functions.store.VersionTakenException;
import dev.lfvmetrics.functions.store.Versions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The local mode's store: the same {@link ModelStore} contract as the DynamoDB adapter, kept in one JSON file in the
 * state folder so that it survives restarts. Every change rewrites the file through a temporary file and an atomic
 * move, so a crash never leaves half a store behind.
 */
public final class FileModelStore implements ModelStore {

    private static final ObjectMapper MAPPER = Json.mapper();

    private final Path file;
    private final State state;

    /**
     * Opens the store, reading the file when it exists.
     *
     * @param file the store's file
     */
    public FileModelStore(Path file) {
        this.file = file;
        this.state = Files.exists(file) ? read(file) : new State(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
                new TreeMap<>());
    }

    /**
     * The file's content.
     *
     * @param models   project, then zero-padded version, to record
     * @param policies project to policy JSON
     * @param alerts   alert key to state
     * @param versions project, then zero-padded version, to the ARN of the training job it is assigned to
     */
    record State(Map<String, TreeMap<String, ModelRecord>> models, Map<String, String> policies,
                 Map<String, AlertState> alerts, Map<String, TreeMap<String, String>> versions) {
    }

    @Override
    public synchronized SaveOutcome save(ModelRecord record) {
        TreeMap<String, ModelRecord> versions = state.models().computeIfAbsent(record.project(), p -> new TreeMap<>());
        String key = Versions.padded(record.version());
        ModelRecord existing = versions.get(key);
        if (existing != null && existing.contentHash() != null
                && existing.contentHash().equals(record.contentHash())) {
            return SaveOutcome.DUPLICATE;
        }
        if (existing != null && record.pending() && existing.evaluated()) {
            return SaveOutcome.DUPLICATE;
        }
        versions.put(key, record);
        write();
        return existing == null ? SaveOutcome.STORED : SaveOutcome.UPDATED;
    }

    @Override
    public synchronized Optional<ModelRecord> model(String project, String version) {
        return Optional.ofNullable(versions(project).get(Versions.padded(version)));
    }

    @Override
    public synchronized Optional<ModelRecord> latest(String project) {
        TreeMap<String, ModelRecord> versions = versions(project);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    @Override
    public synchronized Optional<ModelRecord> previousEvaluated(String project, String version) {
        return versions(project).headMap(Versions.padded(version), false).descendingMap().values().stream()
                .filter(ModelRecord::evaluated)
                .findFirst();
    }

    @Override
    public synchronized Page<ModelRecord> history(String project, int limit, String next) {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be 1 to 100, not " + limit);
        }
        var newestFirst = versions(project).descendingMap();
        if (next != null) {
            newestFirst = newestFirst.tailMap(decodeToken(next), false);
        }
        List<ModelRecord> items = newestFirst.values().stream().limit(limit).toList();
        boolean more = newestFirst.size() > items.size();
        String token = more ? encodeToken(Versions.padded(items.get(items.size() - 1).version())) : null;
        return new Page<>(items, token);
    }

    @Override
    public synchronized List<ProjectHead> projects() {
        List<ProjectHead> heads = new ArrayList<>();
        state.models().forEach((project, versions) -> {
            if (!versions.isEmpty()) {
                ModelRecord newest = versions.lastEntry().getValue();
                heads.add(new ProjectHead(project, newest.version(), newest.status(), newest.ingestedAt(),
                        Headline.evaluatedAt(newest.summaryJson()), Headline.of(newest.summaryJson())));
            }
        });
        heads.sort(Comparator.comparing(ProjectHead::project));
        return heads;
    }

    @Override
    public synchronized Optional<String> policy(String project) {
        return Optional.ofNullable(state.policies().get(project));
    }

    @Override
    public synchronized void putPolicy(String project, String policyJson) {
        state.policies().put(project, policyJson);
        write();
    }

    @Override
    public synchronized AlertState claimAlert(String project, String version, String breachKey) {
        String key = alertKey(project, version, breachKey);
        AlertState existing = state.alerts().get(key);
        if (existing != null) {
            return existing;
        }
        state.alerts().put(key, AlertState.PENDING);
        write();
        return AlertState.NEW;
    }

    @Override
    public synchronized void markAlertSent(String project, String version, String breachKey) {
        state.alerts().put(alertKey(project, version, breachKey), AlertState.SENT);
        write();
    }

    @Override
    public synchronized Optional<AlertState> alertState(String project, String version, String breachKey) {
        return Optional.ofNullable(state.alerts().get(alertKey(project, version, breachKey)));
    }

    @Override
    public synchronized String assignVersion(String project, String jobArn, String requested) {
        TreeMap<String, String> assigned = state.versions().computeIfAbsent(project, p -> new TreeMap<>());
        for (Map.Entry<String, String> entry : assigned.entrySet()) {
            if (entry.getValue().equals(jobArn)) {
                return Long.toString(Long.parseLong(entry.getKey()));
            }
        }
        String version;
        if (requested != null) {
            String owner = assigned.get(Versions.padded(requested));
            if (owner != null) {
                throw new VersionTakenException(project, requested, owner);
            }
            version = requested;
        } else {
            long highest = Math.max(versions(project).isEmpty() ? 0 : Long.parseLong(versions(project).lastKey()),
                    assigned.isEmpty() ? 0 : Long.parseLong(assigned.lastKey()));
            version = Long.toString(highest + 1);
        }
        assigned.put(Versions.padded(version), jobArn);
        write();
        return version;
    }

    private TreeMap<String, ModelRecord> versions(String project) {
        return state.models().getOrDefault(project, new TreeMap<>());
    }

    private static String alertKey(String project, String version, String breachKey) {
        return project + "#" + Versions.padded(version) + "#" + breachKey;
    }

    private static String encodeToken(String paddedVersion) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(paddedVersion.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        String padded;
        try {
            padded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidPageTokenException("next is not a token this listing issued");
        }
        if (!padded.matches("[0-9]{10}")) {
            throw new InvalidPageTokenException("next is not a token this listing issued");
        }
        return padded;
    }

    private void write() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), state);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local store " + file, e);
        }
    }

    private static State read(Path file) {
        try {
            State read = MAPPER.readValue(file.toFile(), new TypeReference<State>() { });
            return new State(new TreeMap<>(read.models() == null ? Map.of() : read.models()),
                    new TreeMap<>(read.policies() == null ? Map.of() : read.policies()),
                    new TreeMap<>(read.alerts() == null ? Map.of() : read.alerts()),
                    new TreeMap<>(read.versions() == null ? Map.of() : read.versions()));
        } catch (IOException e) {
            throw new UncheckedIOException("the local store " + file + " is not readable; move it away to start afresh",
                    e);
        }
    }
}
