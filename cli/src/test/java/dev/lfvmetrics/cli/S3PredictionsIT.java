package dev.lfvmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.functions.testing.MotoExtension;
import dev.lfvmetrics.functions.testing.TestAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/** {@code evaluate --predictions s3://...} against moto: the .out files read from S3 as batch transform left them. */
@ExtendWith(MotoExtension.class)
class S3PredictionsIT {

    private static final Path DATA = CliRun.repositoryRoot().resolve("events/artifacts/lfv-samples/sagemaker-data");
    private static final String SCREWS = DATA.resolve("screws/test.manifest").toString();

    @BeforeAll
    static void credentials() {
        // The CLI uses the default credentials chain; system properties are its first link.
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    @AfterAll
    static void forget() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private static void upload(TestAccount account, String bucket, String prefix, Path folder) throws IOException {
        account.createBucket(bucket);
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                account.s3().putObject(b -> b.bucket(bucket).key(prefix + folder.relativize(file).toString()),
                        RequestBody.fromFile(file));
            }
        }
    }

    private static CliRun evaluate(String predictions, String... extra) {
        String[] base = {"evaluate", "--manifest", SCREWS, "--predictions", predictions, "--region",
            TestAccount.REGION, "--endpoint-url", MotoExtension.endpoint().toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void givenOutFilesInS3_whenEvaluated_thenTheSummaryEqualsTheLocalFolders() throws IOException {
        upload(new TestAccount(), "team-predictions", "transform/screws/", DATA.resolve("screws/transform-output"));

        CliRun fromS3 = evaluate("s3://team-predictions/transform/screws/", "--json");
        CliRun local = CliRun.of("evaluate", "--manifest", SCREWS, "--predictions",
                DATA.resolve("screws/transform-output").toString(), "--json");

        assertThat(fromS3.status()).as(fromS3.err()).isZero();
        JsonNode summary = Json.mapper().readTree(fromS3.out());
        assertThat(summary.path("metrics")).isEqualTo(Json.mapper().readTree(local.out()).path("metrics"));
        assertThat(summary.at("/sources/predictions").asText()).isEqualTo("s3://team-predictions/transform/screws/");
    }

    @Test
    void givenBucketThatDoesNotExist_whenEvaluated_thenOneLineNamesTheLocationAndTheError() {
        CliRun r = evaluate("s3://no-such-bucket/out/");

        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: s3://no-such-bucket/out/: cannot list (404 NoSuchBucket)");
    }
}
