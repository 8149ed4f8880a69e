package dev.dbops.cli;

import dev.dbops.DbopsException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dbops} command. Exit codes, which scripts rely on: 0 ok, 1 findings or differences,
 * 2 usage or input error (the message on stderr names the option or file and the fix).
 */
@Command(
        name = "dbops",
        mixinStandardHelpOptions = true,
        versionProvider = Dbops.Version.class,
        description = "The database operations layer: schema snapshots and diffs, drift, lock-safe migrations.")
public final class Dbops {

    /**
     * The subcommands, in the order of the usage help. Building picocli's model of a command reflects over
     * all its options, about 100 ms of a short run for all of them, so a run builds only the one it needs.
     */
    private static final List<Class<?>> COMMANDS = List.of(InspectCommand.class, DiffCommand.class,
            LintCommand.class, DriftCommand.class, AuditCommand.class, PoolCommand.class,
            VerifyBackupCommand.class, TraceCommand.class, CheckCommand.class, CommandLine.HelpCommand.class);

    /** Exit code when everything is fine. */
    public static final int OK = 0;
    /** Exit code when the command found differences or findings. */
    public static final int FINDINGS = 1;
    /** Exit code for a usage or input error. */
    public static final int ERROR = 2;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = commandLine(args.length == 0 ? "" : args[0]);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof DbopsException e) {
                cmd.getErr().println(qualifiedName(cmd) + ": " + e.getMessage());
                cmd.getErr().println("(error code " + e.code() + ")");
                return ERROR;
            }
            throw exception;
        });
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine cmd = exception.getCommandLine();
            cmd.getErr().println(qualifiedName(cmd) + ": " + exception.getMessage());
            cmd.getErr().println("Run '" + qualifiedName(cmd) + " --help' for the options.");
            return ERROR;
        });
        return commandLine.execute(args);
    }

    /**
     * The command line with only the subcommand named by the first argument, or with all of them when the
     * first argument names none (usage help, {@code help}, an option or a misspelt command).
     */
    private static CommandLine commandLine(String first) {
        CommandLine commandLine = new CommandLine(new Dbops());
        boolean named = !first.equals("help")
                && COMMANDS.stream().anyMatch(command -> nameOf(command).equals(first));
        for (Class<?> command : COMMANDS) {
            if (!named || nameOf(command).equals(first)) {
                commandLine.addSubcommand(command);
            }
        }
        return commandLine;
    }

    private static String qualifiedName(CommandLine cmd) {
        return cmd.getParent() == null ? "dbops" : "dbops " + cmd.getCommandName();
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Dbops.class.getPackage().getImplementationVersion();
            return new String[] {"dbops " + (version == null ? "development build" : version)};
        }
    }
}
