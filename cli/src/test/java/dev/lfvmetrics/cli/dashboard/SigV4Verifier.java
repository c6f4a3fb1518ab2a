package dev.lfvmetrics.cli.dashboard;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An independent SigV4 check, written from the published algorithm rather than with the SDK, so the tests prove
 * the signature covers the request exactly as the upstream received it (path, query, host, body).
 */
final class SigV4Verifier {

    static final Pattern AUTHORIZATION = Pattern.compile(
            "^AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request, "
                    + "SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$");

    private SigV4Verifier() {
    }

    /** The parts of an Authorization header. */
    record Authorization(String accessKey, String date, String region, String service, List<String> signedHeaders,
            String signature) {

        String scope() {
            return date + "/" + region + "/" + service + "/aws4_request";
        }
    }

    static Authorization parse(String header) {
        Matcher m = AUTHORIZATION.matcher(header == null ? "" : header);
        if (!m.matches()) {
            throw new AssertionError("Not a SigV4 Authorization header: " + header);
        }
        return new Authorization(m.group(1), m.group(2), m.group(3), m.group(4), List.of(m.group(5).split(";")),
                m.group(6));
    }

    /**
     * The signature the request should carry.
     *
     * @param secret   the secret key
     * @param method   the method received
     * @param rawPath  the raw path received
     * @param rawQuery the raw query received, or null
     * @param header   header lookup by lower-case name, as received
     * @param body     the body received
     */
    static String expectedSignature(String secret, String method, String rawPath, String rawQuery,
            Function<String, String> header, byte[] body) {
        Authorization auth = parse(header.apply("authorization"));
        StringBuilder headers = new StringBuilder();
        for (String name : auth.signedHeaders()) {
            String value = header.apply(name);
            if (value == null) {
                throw new AssertionError("Signed header " + name + " did not reach the upstream");
            }
            headers.append(name).append(':').append(value.trim().replaceAll(" +", " ")).append('\n');
        }
        String payloadHash = hex(sha256(body));
        String canonical = String.join("\n", method, canonicalPath(rawPath), canonicalQuery(rawQuery),
                headers.toString(), String.join(";", auth.signedHeaders()), payloadHash);
        String amzDate = header.apply("x-amz-date");
        String toSign = String.join("\n", "AWS4-HMAC-SHA256", amzDate, auth.scope(),
                hex(sha256(canonical.getBytes(StandardCharsets.UTF_8))));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), auth.date());
        key = hmac(key, auth.region());
        key = hmac(key, auth.service());
        key = hmac(key, "aws4_request");
        return hex(hmac(key, toSign));
    }

    // Services other than S3 encode each path segment twice: once in the URL, once more in the canonical form.
    private static String canonicalPath(String rawPath) {
        String[] segments = rawPath.split("/", -1);
        List<String> out = new ArrayList<>();
        for (String segment : segments) {
            out.add(encode(segment));
        }
        return String.join("/", out);
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<Map.Entry<String, String>> params = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.add(Map.entry(encode(decode(name)), encode(decode(value))));
        }
        params.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        List<String> out = new ArrayList<>();
        params.forEach(e -> out.add(e.getKey() + "=" + e.getValue()));
        return String.join("&", out);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] data) {
        return HexFormat.of().formatHex(data);
    }
}
