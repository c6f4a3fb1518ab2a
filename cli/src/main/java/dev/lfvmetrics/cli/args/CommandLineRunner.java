package dev.lfvmetrics.cli.args;

import dev.lfvmetrics.core.error.InvalidInputException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.MissingOptionException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * Runs a program made of sub-commands: picks the one the first argument names, parses the rest with its options,
 * answers {@code --help}, {@code --version} and {@code help COMMAND}, and maps failures to exit statuses (0 or the
 * command's own status, 2 for usage errors and bad input, 3 for a failure that is a bug). Only the named command is
 * built: a short run pays for one command's options, nothing else.
 */
public final class CommandLineRunner {

    /** Exit status for bad input or usage. */
    public static final int BAD_INPUT = 2;
    /** Exit status for a failure that is a bug, not the user's input. */
    public static final int INTERNAL = 3;

    private static final Option HELP = Option.builder("h").longOpt("help").desc("Show this help and exit").get();
    private static final Option VERSION = Option.builder("V").longOpt("version")
            .desc("Print version information and exit").get();
    private static final int WIDTH = 100;
    private static final int COMMAND_COLUMN = 13;
    private static final int PROGRAM_OPTION_COLUMN = 18;
    private static final int OPTION_COLUMN = 34;

    private final String program;
    private final String description;
    private final Map<String, Supplier<Subcommand>> commands;
    private final Supplier<String> version;

    /**
     * @param program     the program's name, for usage lines
     * @param description one paragraph on what the program does
     * @param commands    the sub-commands by name, in the order the help lists them
     * @param version     the version text, made only when asked
     */
    public CommandLineRunner(String program, String description, Map<String, Supplier<Subcommand>> commands,
                             Supplier<String> version) {
        this.program = program;
        this.description = description;
        this.commands = commands;
        this.version = version;
    }

    /**
     * Runs the program.
     *
     * @param args command-line arguments
     * @param out  standard output
     * @param err  standard error
     * @return the exit status
     */
    public int run(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length == 0) {
            err.println("error: a command is required");
            usage(err);
            return BAD_INPUT;
        }
        String first = args[0];
        if (isOption(first, HELP)) {
            usage(out);
            return 0;
        }
        if (isOption(first, VERSION)) {
            out.println(version.get());
            return 0;
        }
        if ("help".equals(first)) {
            return help(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        Supplier<Subcommand> named = commands.get(first);
        if (named == null) {
            return unknownCommand(first, err);
        }
        Subcommand command = named.get();
        try {
            CommandLine line = parse(command, Arrays.copyOfRange(args, 1, args.length));
            if (line.hasOption(HELP)) {
                help(command, out);
                return 0;
            }
            if (line.hasOption(VERSION)) {
                out.println(version.get());
                return 0;
            }
            return command.run(new Args(line), out, err);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("Try '" + program + " " + command.name() + " --help' for its options.");
            return BAD_INPUT;
        } catch (InvalidInputException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return INTERNAL;
        } catch (Exception e) {
            // A bug, not the user's input: name it without internal details, keep the trace for --debug runs.
            err.println("error: internal failure (" + e.getClass().getName() + "); please report it");
            if (Boolean.getBoolean("lfv.debug")) {
                e.printStackTrace(err);
            }
            return INTERNAL;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int help(String[] rest, PrintWriter out, PrintWriter err) {
        if (rest.length == 0) {
            usage(out);
            return 0;
        }
        Supplier<Subcommand> named = commands.get(rest[0]);
        if (named == null) {
            return unknownCommand(rest[0], err);
        }
        help(named.get(), out);
        return 0;
    }

    private int unknownCommand(String name, PrintWriter err) {
        err.println("error: unknown command '" + name + "'");
        usage(err);
        return BAD_INPUT;
    }

    /** The command's options with help and version, which every command takes. */
    private static Options optionsOf(Subcommand command) {
        return command.options().addOption(HELP).addOption(VERSION);
    }

    private static CommandLine parse(Subcommand command, String[] args) {
        Options options = optionsOf(command);
        // Help and version win over everything else on the line, as in most tools: asking is never an error.
        for (String arg : args) {
            if ("--".equals(arg)) {
                break;
            }
            if (isOption(arg, HELP) || isOption(arg, VERSION)) {
                return new CommandLine.Builder().addOption(isOption(arg, HELP) ? HELP : VERSION).get();
            }
        }
        try {
            CommandLine line = DefaultParser.builder().setAllowPartialMatching(false).get().parse(options, args);
            List<String> operands = command.operands();
            if (line.getArgList().size() != operands.size()) {
                throw new UsageException(operands.isEmpty() ? "unexpected argument '" + line.getArgList().get(0)
                        + "'" : command.name() + " takes " + String.join(" ", operands) + ", got "
                        + line.getArgList().size() + " argument(s)");
            }
            return line;
        } catch (MissingOptionException e) {
            StringJoiner missing = new StringJoiner(", ");
            for (Object o : e.getMissingOptions()) {
                Option option = options.getOption(String.valueOf(o));
                missing.add("--" + option.getLongOpt() + "=" + option.getArgName());
            }
            throw new UsageException("missing required option " + missing, e);
        } catch (MissingArgumentException e) {
            throw new UsageException("--" + e.getOption().getLongOpt() + " needs a value ("
                    + e.getOption().getArgName() + ")", e);
        } catch (UnrecognizedOptionException e) {
            throw new UsageException("unknown option '" + e.getOption() + "'", e);
        } catch (ParseException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private static boolean isOption(String arg, Option option) {
        return arg.equals("-" + option.getOpt()) || arg.equals("--" + option.getLongOpt());
    }

    private void usage(PrintWriter to) {
        to.println("Usage: " + program + " [-hV] COMMAND [OPTIONS]");
        wrap(description, "", to);
        to.println("Commands:");
        for (String name : commands.keySet()) {
            row(name, firstSentence(commands.get(name).get().description()), COMMAND_COLUMN, to);
        }
        row("help", "Shows the help of a command: " + program + " help COMMAND", COMMAND_COLUMN, to);
        to.println("Options:");
        row(optionLabel(HELP), HELP.getDescription(), PROGRAM_OPTION_COLUMN, to);
        row(optionLabel(VERSION), VERSION.getDescription(), PROGRAM_OPTION_COLUMN, to);
        to.flush();
    }

    private void help(Subcommand command, PrintWriter to) {
        to.println("Usage: " + program + " " + command.name() + " [OPTIONS]"
                + (command.operands().isEmpty() ? "" : " " + String.join(" ", command.operands())));
        wrap(command.description(), "", to);
        to.println("Options:");
        for (Option option : optionsOf(command).getOptions()) {
            row(optionLabel(option) + (option.isRequired() ? " (required)" : ""), option.getDescription(),
                    OPTION_COLUMN, to);
        }
        to.flush();
    }

    /** {@code -h, --help} or {@code --manifest=FILE}, aligned so that long names line up. */
    private static String optionLabel(Option option) {
        String shortName = option.getOpt() == null || option.getOpt().equals(option.getLongOpt()) ? "    "
                : "-" + option.getOpt() + ", ";
        return shortName + "--" + option.getLongOpt() + (option.hasArg() ? "=" + option.getArgName() : "");
    }

    /** A label and its text in two columns, the text wrapped within {@link #WIDTH}. */
    private static void row(String label, String text, int column, PrintWriter to) {
        String lead = "  " + label;
        if (lead.length() + 1 >= column) {
            to.println(lead);
            lead = "";
        }
        StringBuilder first = new StringBuilder(lead);
        first.append(" ".repeat(column - lead.length()));
        wrap(text, first.toString(), " ".repeat(column), to);
    }

    private static void wrap(String text, String indent, PrintWriter to) {
        wrap(text, indent, indent, to);
    }

    private static void wrap(String text, String firstIndent, String indent, PrintWriter to) {
        StringBuilder line = new StringBuilder(firstIndent);
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                to.println(line);
                line = new StringBuilder(indent);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        to.println(line);
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }
}
