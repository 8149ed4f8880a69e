package dev.dbops.cli;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** Writes a command's result to standard output or to the file named by {@code --output}. */
final class Output {

    private Output() {
    }

    static void write(CommandSpec spec, Path file, String text) {
        if (file == null) {
            spec.commandLine().getOut().print(text.endsWith("\n") ? text : text + "\n");
            spec.commandLine().getOut().flush();
            return;
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DbopsException(ErrorCode.IO_FAILED,
                    "cannot write " + file + ": " + e.getMessage() + " — check that the directory exists and is writable", e);
        }
    }
}
