package dev.lfvmetrics.infra;

import dev.lfvmetrics.contracts.TableLayout;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The pipeline's state: the single DynamoDB table of docs/design.md and the bucket for the large parts of a
 * summary. Both are retained when the stack is destroyed: they hold the evaluation history.
 */
public final class DataStore extends Construct {

    /** The index that lists projects ({@code gsi1pk=PROJECTS}). */
    public static final String PROJECTS_INDEX = TableLayout.PROJECTS_INDEX;

    private final Table table;
    private final Bucket detailsBucket;

    /**
     * @param scope parent
     * @param id construct id
     */
    public DataStore(Construct scope, String id) {
        super(scope, id);
        this.table = Table.Builder.create(this, "Table")
                .partitionKey(Attribute.builder().name(TableLayout.PARTITION_KEY).type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name(TableLayout.SORT_KEY).type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                // AWS owned keys would also encrypt, but an AWS managed key leaves an audit trail in CloudTrail
                // without the $1/month of a customer key and without kms:* grants on every function role.
                .encryption(TableEncryption.AWS_MANAGED)
                .stream(StreamViewType.NEW_AND_OLD_IMAGES)
                .timeToLiveAttribute(TableLayout.TTL_ATTRIBUTE)
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(PROJECTS_INDEX)
                .partitionKey(Attribute.builder().name(TableLayout.INDEX_PARTITION_KEY).type(AttributeType.STRING)
                        .build())
                .sortKey(Attribute.builder().name(TableLayout.INDEX_SORT_KEY).type(AttributeType.STRING).build())
                .build());
        this.detailsBucket = Bucket.Builder.create(this, "DetailsBucket")
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .versioned(false)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        Nag.acknowledge(detailsBucket, "AwsSolutions-S1", "The details bucket holds derived data (curves,"
                + " per-image results) that a backfill recomputes from the evaluation files; only the pipeline's"
                + " function roles can read or write it, and CloudTrail records those principals' calls."
                + " Server access logs would need a second, unlogged bucket.");
    }

    /**
     * @return the table
     */
    public Table table() {
        return table;
    }

    /**
     * @return the details bucket
     */
    public Bucket detailsBucket() {
        return detailsBucket;
    }
}
