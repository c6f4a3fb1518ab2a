package dev.lfvmetrics.functions.store;

/** A training job asked for a version (its tag) that another job already has: permanent, the tags must change. */
public final class VersionTakenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param project the project
     * @param version the version asked for
     * @param owner   the ARN of the job that has it
     */
    public VersionTakenException(String project, String version, String owner) {
        super("version " + version + " of project " + project + " already belongs to training job " + owner);
    }
}
