package dev.lfvmetrics.cli.args;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * A parsed command line with typed access to its options: a value that is not of the option's kind is a
 * {@link UsageException} naming the option. Also makes the options, so that every command declares them alike.
 */
public final class Args {

    private static final int MAX_PORT = 65535;

    private final CommandLine line;

    /**
     * @param line the parser's result
     */
    public Args(CommandLine line) {
        this.line = line;
    }

    /**
     * An option taking a value, e.g. {@code --manifest=FILE}.
     *
     * @param name        the long name, without the dashes
     * @param label       the value's label in the help
     * @param description the help text
     * @return the option
     */
    public static Option valued(String name, String label, String description) {
        return Option.builder().longOpt(name).hasArg().argName(label).desc(description).get();
    }

    /**
     * An option that must be given.
     *
     * @param name        the long name, without the dashes
     * @param label       the value's label in the help
     * @param description the help text
     * @return the option
     */
    public static Option required(String name, String label, String description) {
        return Option.builder().longOpt(name).hasArg().argName(label).desc(description).required().get();
    }

    /**
     * An option without a value, e.g. {@code --json}.
     *
     * @param name        the long name, without the dashes
     * @param description the help text
     * @return the option
     */
    public static Option flag(String name, String description) {
        return Option.builder().longOpt(name).desc(description).get();
    }

    /**
     * @param option a flag
     * @return whether it was given
     */
    public boolean flag(Option option) {
        return line.hasOption(option);
    }

    /**
     * @param option an option taking a value
     * @return its (last) value, or null when not given
     */
    public String text(Option option) {
        return line.getOptionValue(option);
    }

    /**
     * @param option an option taking a value
     * @param fallback the value when it is not given
     * @return its value, or the fallback
     */
    public String text(Option option, String fallback) {
        String value = text(option);
        return value == null ? fallback : value;
    }

    /**
     * @param option an option taking a value, given any number of times
     * @return its values in the order given, empty when not given
     */
    public List<String> all(Option option) {
        String[] values = line.getOptionValues(option);
        return values == null ? List.of() : List.of(values);
    }

    /**
     * @param option an option naming a file or folder
     * @return the path, or null when not given
     */
    public Path path(Option option) {
        return path(option, null);
    }

    /**
     * @param option   an option naming a file or folder
     * @param fallback the path when it is not given
     * @return the path
     */
    public Path path(Option option, String fallback) {
        return converted(option, text(option, fallback), Path::of, "a path");
    }

    /**
     * @param option an option naming a file or folder, given any number of times
     * @return the paths in the order given, empty when not given
     */
    public List<Path> paths(Option option) {
        List<Path> paths = new ArrayList<>();
        for (String value : all(option)) {
            paths.add(converted(option, value, Path::of, "a path"));
        }
        return paths;
    }

    /**
     * @param value a value naming a file or folder
     * @param where the option or operand it came from, for the message
     * @return the path
     */
    public static Path path(String value, String where) {
        return converted(where, value, Path::of, "a path");
    }

    /**
     * @param option   an option taking a whole number
     * @param fallback the value when it is not given
     * @return the number
     */
    public int whole(Option option, int fallback) {
        Integer value = converted(option, text(option), v -> Integer.parseInt(v.strip()), "a whole number");
        return value == null ? fallback : value;
    }

    /**
     * @param option   an option taking a TCP port, 0 for any free one
     * @param fallback the value when it is not given
     * @return the port, 0-65535
     */
    public int port(Option option, int fallback) {
        int port = whole(option, fallback);
        if (port < 0 || port > MAX_PORT) {
            throw new UsageException(name(option) + ": " + port + " is not a port (0-" + MAX_PORT + ")");
        }
        return port;
    }

    /**
     * @param option   an option taking a number
     * @param fallback the value when it is not given
     * @return the number
     */
    public double decimal(Option option, double fallback) {
        Double value = converted(option, text(option), v -> Double.parseDouble(v.strip()), "a number");
        return value == null ? fallback : value;
    }

    /**
     * @param option an option taking a URL
     * @return the URI, or null when not given
     */
    public URI uri(Option option) {
        return converted(option, text(option), URI::create, "a URL");
    }

    private static <T> T converted(Option option, String value, Function<String, T> conversion, String kind) {
        return converted(name(option), value, conversion, kind);
    }

    /**
     * The value converted, null for null; a value the conversion refuses (number and path parsers, URI.create all
     * throw IllegalArgumentException) is a usage error naming where it came from.
     */
    private static <T> T converted(String where, String value, Function<String, T> conversion, String kind) {
        if (value == null) {
            return null;
        }
        try {
            return conversion.apply(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(where + ": '" + value + "' is not " + kind, e);
        }
    }

    private static String name(Option option) {
        return "--" + option.getLongOpt();
    }

    /**
     * @return the operands (arguments that are not options), in order
     */
    public List<String> operands() {
        return line.getArgList();
    }
}
