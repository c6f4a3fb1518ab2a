package dev.lfvmetrics.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Match;
import software.amazon.event.ruler.Machine;

/** A synthesized rule's pattern in EventBridge's own matcher (event-ruler), and the repository's sample events. */
final class RulePatterns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = repositoryRoot().resolve("events");

    private RulePatterns() {
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    /**
     * @param synthesized a synthesized stack
     * @param detailType  the detail-type its one rule for it matches
     * @return a matcher holding that rule's pattern, as the template has it, under the name {@code rule}
     */
    static Machine rule(Synth.Synthesized synthesized, String detailType) throws Exception {
        Map<String, Map<String, Object>> rules = synthesized.resources("AWS::Events::Rule", Map.of(
                "EventPattern", Match.objectLike(Map.of("detail-type", List.of(detailType)))));
        assertThat(rules).as("rules for %s", detailType).hasSize(1);
        Map<?, ?> properties = (Map<?, ?>) rules.values().iterator().next().get("Properties");
        Machine machine = new Machine();
        machine.addRule("rule", JSON.writeValueAsString(properties.get("EventPattern")));
        return machine;
    }

    /**
     * @param path a file under the repository's events/ folder
     * @return its text
     */
    static String event(String path) throws IOException {
        return Files.readString(EVENTS.resolve(path));
    }
}
