package dev.lfvmetrics.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lfvmetrics.cli.CliRun;
import dev.lfvmetrics.cli.Main;
import dev.lfvmetrics.functions.store.DynamoDbModelStore;
import dev.lfvmetrics.functions.testing.MotoExtension;
import dev.lfvmetrics.functions.testing.TestAccount;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The local mode with {@code --endpoint}: the same run against moto, which the test starts itself. The table,
 * bucket and topic are created by the local mode; alerts reach SNS (read back through an SQS subscription).
 */
@ExtendWith(MotoExtension.class)
class LocalModeEndpointIT {

    private static final Path ROOT = CliRun.repositoryRoot();

    @TempDir
    Path state;

    @Test
    void storesInDynamoDbAndPublishesEachAlertToSnsOnceAcrossRuns() throws Exception {
        TestAccount account = new TestAccount();
        SqsClient sqs = account.sqs();
        // The topic's name is the local mode's; creating it first is idempotent and lets the queue subscribe in time.
        String topicArn = account.sns().createTopic(b -> b.name(LocalSettings.RESOURCE_NAME + "-alerts")).topicArn();
        String queueUrl = account.subscribeQueue(topicArn, "alerts");

        int first = run();
        int second = run();

        assertThat(first).isEqualTo(Main.OK);
        assertThat(second).isEqualTo(Main.OK);
        DynamoDbModelStore store = new DynamoDbModelStore(account.dynamo(), LocalSettings.RESOURCE_NAME);
        assertThat(store.projects()).extracting(h -> h.project() + "@" + h.version())
                .containsExactlyInAnyOrder("circuit-board@2", "cookies@1", "screws@2", "tiles@3");
        assertThat(store.model("screws", "1")).hasValueSatisfying(m -> assertThat(m.evaluated()).isTrue());
        assertThat(store.model("tiles", "3")).hasValueSatisfying(m -> assertThat(m.pending()).isTrue());
        List<Message> published = drain(sqs, queueUrl);
        List<String> printed = Files.readAllLines(state.resolve("alerts.jsonl"));
        assertThat(published).isNotEmpty().hasSameSizeAs(printed);
        assertThat(published).extracting(Message::body).allSatisfy(body -> assertThat(body)
                .contains("\"Subject\"").containsPattern("circuit-board|screws|tiles"));
    }

    private int run() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = {"local", "--artifacts", ROOT.resolve("events/artifacts").toString(),
            "--state", state.toString(), "--thresholds", ROOT.resolve("events/thresholds.json").toString(),
            "--endpoint", MotoExtension.endpoint().toString(), "--no-serve"};
        int status = Main.run(args,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("rejected");
        return status;
    }

    private static List<Message> drain(SqsClient sqs, String queueUrl) {
        List<Message> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            all.addAll(batch);
            for (Message m : batch) {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return all;
    }
}
