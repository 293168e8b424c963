package dev.speckitty.shell.runner;

import java.util.List;
import org.springframework.shell.core.command.Command;

/** A resolved command and the words after its name. */
record CommandLine(Command command, List<String> rest) {}
