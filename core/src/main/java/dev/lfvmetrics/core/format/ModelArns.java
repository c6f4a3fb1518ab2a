package dev.lfvmetrics.core.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads project and version out of a Lookout for Vision model ARN
 * ({@code arn:aws:lookoutvision:<region>:<account>:model/<project>/<version>}).
 */
public final class ModelArns {

    private static final Pattern MODEL = Pattern.compile("^arn:[^:]+:lookoutvision:[^:]*:[^:]*:model/([^/]+)/([^/]+)$");

    private ModelArns() {
    }

    /**
     * The project part.
     *
     * @param arn model ARN, may be {@code null}
     * @return the project or {@code null} when the ARN is not a model ARN
     */
    public static String project(String arn) {
        Matcher m = match(arn);
        return m == null ? null : m.group(1);
    }

    /**
     * The version part.
     *
     * @param arn model ARN, may be {@code null}
     * @return the version or {@code null} when the ARN is not a model ARN
     */
    public static String version(String arn) {
        Matcher m = match(arn);
        return m == null ? null : m.group(2);
    }

    private static Matcher match(String arn) {
        if (arn == null) {
            return null;
        }
        Matcher m = MODEL.matcher(arn.trim());
        return m.matches() ? m : null;
    }
}
