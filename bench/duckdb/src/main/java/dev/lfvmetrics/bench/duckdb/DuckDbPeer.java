package dev.lfvmetrics.bench.duckdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The benchmark's DuckDB peer: DuckDB's multi-threaded {@code read_json} with the three needed columns declared,
 * then the confusion counts, precision, recall, F1, accuracy, ROC AUC (Mann-Whitney with average ranks: a tie
 * between the classes counts one half, as scikit-learn) and average precision (scikit-learn's step sum over the
 * distinct thresholds) in SQL. Prints {@code {"metrics": {...}}} for bench/compare.py to check against lfv-metrics.
 *
 * <p>Usage: {@code java -jar bench/duckdb/target/duckdb-peer.jar MANIFEST}
 */
public final class DuckDbPeer {

    private DuckDbPeer() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: duckdb-peer MANIFEST");
        }
        String file = args[0].replace("'", "''");
        long t0 = System.nanoTime();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
            sql.execute("CREATE TEMP TABLE s AS SELECT actual, predicted, "
                    + "CASE WHEN predicted THEN confidence ELSE 1 - confidence END AS score FROM ("
                    + "SELECT lower(\"anomaly-label-metadata\".\"class-name\") = 'anomaly' AS actual, "
                    + "lower(\"anomaly-label-detected-metadata\".\"class-name\") = 'anomaly' AS predicted, "
                    + "\"anomaly-label-detected-metadata\".confidence AS confidence "
                    + "FROM read_json('" + file + "', format = 'newline_delimited', columns = {"
                    + "'anomaly-label-metadata': 'STRUCT(\"class-name\" VARCHAR)', "
                    + "'anomaly-label-detected-metadata': 'STRUCT(\"class-name\" VARCHAR, confidence DOUBLE)'}))");
            long t1 = System.nanoTime();
            long images;
            long tp;
            long fp;
            long tn;
            long fn;
            try (ResultSet r = sql.executeQuery("SELECT count(*), "
                    + "count(*) FILTER (WHERE actual AND predicted), count(*) FILTER (WHERE NOT actual AND predicted), "
                    + "count(*) FILTER (WHERE NOT actual AND NOT predicted), "
                    + "count(*) FILTER (WHERE actual AND NOT predicted) FROM s")) {
                r.next();
                images = r.getLong(1);
                tp = r.getLong(2);
                fp = r.getLong(3);
                tn = r.getLong(4);
                fn = r.getLong(5);
            }
            long p = tp + fn;
            long n = fp + tn;
            Double auc = null;
            if (p > 0 && n > 0) {
                try (ResultSet r = sql.executeQuery("WITH g AS (SELECT score, count(*) AS k, "
                        + "count(*) FILTER (WHERE actual) AS pos FROM s GROUP BY score), "
                        + "r AS (SELECT k, pos, coalesce(sum(k) OVER (ORDER BY score ROWS BETWEEN UNBOUNDED PRECEDING "
                        + "AND 1 PRECEDING), 0) AS below FROM g) "
                        + "SELECT sum(pos * (below + (k + 1) / 2.0)) FROM r")) {
                    r.next();
                    auc = (r.getDouble(1) - p * (p + 1) / 2.0) / ((double) p * n);
                }
            }
            Double ap = null;
            if (p > 0) {
                try (ResultSet r = sql.executeQuery("WITH g AS (SELECT score, count(*) AS k, "
                        + "count(*) FILTER (WHERE actual) AS pos FROM s GROUP BY score), "
                        + "c AS (SELECT pos, sum(pos) OVER w AS tp, sum(k) OVER w AS seen FROM g "
                        + "WINDOW w AS (ORDER BY score DESC ROWS UNBOUNDED PRECEDING)) "
                        + "SELECT sum(pos * tp / seen) FROM c")) {
                    r.next();
                    ap = r.getDouble(1) / p;
                }
            }
            long t2 = System.nanoTime();
            StringBuilder out = new StringBuilder("{\"metrics\": {");
            out.append("\"images\": ").append(images).append(", \"anomalous\": ").append(p).append(", \"normal\": ")
                    .append(n).append(", \"truePositives\": ").append(tp).append(", \"falsePositives\": ").append(fp)
                    .append(", \"trueNegatives\": ").append(tn).append(", \"falseNegatives\": ").append(fn);
            figure(out, "precision", ratio(tp, tp + fp));
            figure(out, "recall", ratio(tp, p));
            figure(out, "f1Score", ratio(2 * tp, 2 * tp + fp + fn));
            figure(out, "accuracy", ratio(tp + tn, images));
            figure(out, "rocAuc", auc);
            figure(out, "averagePrecision", ap);
            System.out.println(out.append("}}"));
            System.err.printf(Locale.ROOT, "duckdb: read_json %.2f s, metrics %.2f s%n", (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9);
        }
    }

    private static Double ratio(long a, long b) {
        return b == 0 ? null : (double) a / b;
    }

    private static void figure(StringBuilder out, String name, Double value) {
        out.append(", \"").append(name).append("\": ").append(value == null ? "null" : Double.toString(value));
    }
}
