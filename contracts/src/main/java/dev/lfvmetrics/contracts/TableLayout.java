package dev.lfvmetrics.contracts;

/** The single table's key schema and index (docs/design.md): created by the CDK app and by the tests' set-up. */
public final class TableLayout {

    /** Partition key (S). */
    public static final String PARTITION_KEY = "pk";
    /** Sort key (S). */
    public static final String SORT_KEY = "sk";
    /** The index that lists projects. */
    public static final String PROJECTS_INDEX = "gsi1";
    /** Its partition key (S). */
    public static final String INDEX_PARTITION_KEY = "gsi1pk";
    /** Its sort key (S). */
    public static final String INDEX_SORT_KEY = "gsi1sk";
    /** Time-to-live attribute (epoch seconds) of alert records. */
    public static final String TTL_ATTRIBUTE = "expiresAt";

    private TableLayout() {
    }
}
