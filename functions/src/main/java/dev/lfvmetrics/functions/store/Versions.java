package dev.lfvmetrics.functions.store;

import java.util.regex.Pattern;

/** Model versions and project names as the service defines them, and the sort keys built from them. */
public final class Versions {

    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,9}");
    private static final Pattern PROJECT = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_\\-]{0,254}");

    private Versions() {
    }

    /**
     * @param version candidate version text
     * @return true for 1 to 10 digits without a leading zero
     */
    public static boolean isVersion(String version) {
        return version != null && VERSION.matcher(version).matches();
    }

    /**
     * @param project candidate project name
     * @return true for a name the service accepts
     */
    public static boolean isProject(String project) {
        return project != null && PROJECT.matcher(project).matches();
    }

    /**
     * @param version a version
     * @return its number
     */
    public static long number(String version) {
        if (!isVersion(version)) {
            throw new IllegalArgumentException("not a model version: '" + version + "'");
        }
        return Long.parseLong(version);
    }

    /**
     * @param version a version
     * @return the version zero-padded to 10 digits, so that sort keys order like numbers
     */
    public static String padded(String version) {
        return String.format("%010d", number(version));
    }
}
