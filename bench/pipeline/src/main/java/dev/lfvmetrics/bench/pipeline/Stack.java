package dev.lfvmetrics.bench.pipeline;

import dev.lfvmetrics.functions.config.AwsClients;
import dev.lfvmetrics.functions.store.TableDefinition;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Creates the stack's resources on an emulator (table with the layout of docs/design.md, artifacts and details
 * buckets, alert topic) and uploads a folder whose sub-folders are buckets. Prints the topic ARN.
 *
 * <p>Usage: {@code Stack ENDPOINT TABLE DETAILS_BUCKET TOPIC_NAME ARTIFACTS_DIR}
 */
public final class Stack {

    private Stack() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        String table = args[1];
        String details = args[2];
        String topic = args[3];
        Path root = Path.of(args[4]);
        AwsClients clients = new AwsClients("us-east-1", endpoint,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
        TableDefinition.createIfMissing(clients.dynamoDb(), table);
        S3Client s3 = clients.s3();
        s3.createBucket(b -> b.bucket(details));
        List<Path> buckets;
        try (Stream<Path> list = Files.list(root)) {
            buckets = list.filter(Files::isDirectory).toList();
        }
        for (Path bucket : buckets) {
            String name = bucket.getFileName().toString();
            s3.createBucket(b -> b.bucket(name));
            List<Path> files;
            try (Stream<Path> walk = Files.walk(bucket)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                String key = bucket.relativize(file).toString().replace('\\', '/');
                s3.putObject(b -> b.bucket(name).key(key), RequestBody.fromFile(file));
            }
        }
        System.out.println(clients.sns().createTopic(b -> b.name(topic)).topicArn());
    }
}
