package dev.lfvmetrics.cli.args;

import java.io.PrintWriter;
import java.util.List;
import org.apache.commons.cli.Options;

/**
 * One sub-command of {@code lfv-metrics}: its name, its help and options, and what it does with them. Options are
 * declared as {@link org.apache.commons.cli.Option} constants of the command, read back through {@link Args}.
 */
public interface Subcommand {

    /**
     * @return the name typed after {@code lfv-metrics}
     */
    String name();

    /**
     * @return one paragraph for the help, ending with the exit statuses
     */
    String description();

    /**
     * @return the options it takes (help and version are added by the caller)
     */
    Options options();

    /**
     * @return the labels of the operands it takes, in order, e.g. {@code BASE, CANDIDATE}; empty when it takes none
     */
    default List<String> operands() {
        return List.of();
    }

    /**
     * Runs the command.
     *
     * @param args its parsed command line
     * @param out  standard output
     * @param err  standard error
     * @return the exit status
     * @throws Exception when it fails; the caller maps the failure to an exit status
     */
    int run(Args args, PrintWriter out, PrintWriter err) throws Exception;
}
