package dev.dbops.cli;

import dev.dbops.DbopsException;
import java.io.PrintWriter;
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
        description = "The database operations layer: schema snapshots and diffs, drift, lock-safe migrations.",
        subcommands = {InspectCommand.class, DiffCommand.class, LintCommand.class, DriftCommand.class,
            AuditCommand.class, PoolCommand.class, VerifyBackupCommand.class, CommandLine.HelpCommand.class})
public final class Dbops {

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
        CommandLine commandLine = new CommandLine(new Dbops());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof DbopsException e) {
                cmd.getErr().println("dbops " + cmd.getCommandName() + ": " + e.getMessage());
                cmd.getErr().println("(error code " + e.code() + ")");
                return ERROR;
            }
            throw exception;
        });
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine cmd = exception.getCommandLine();
            cmd.getErr().println("dbops " + cmd.getCommandName() + ": " + exception.getMessage());
            cmd.getErr().println("Run 'dbops " + cmd.getCommandName() + " --help' for the options.");
            return ERROR;
        });
        return commandLine.execute(args);
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
