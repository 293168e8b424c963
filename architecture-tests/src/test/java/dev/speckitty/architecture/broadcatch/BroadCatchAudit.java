package dev.speckitty.architecture.broadcatch;

import java.util.List;
import java.util.stream.Collectors;

/** The outcome of one guard run: how much was looked at, and every finding. */
public record BroadCatchAudit(int scannedClasses, List<Finding> findings) {

    public boolean passed() {
        return findings.isEmpty();
    }

    /** Lists every finding, not just the first, so one run shows all the work to do. */
    public String report() {
        if (findings.isEmpty()) {
            return "broad-catch guard: 0 unjustified broad catches in " + scannedClasses + " scoped classes";
        }
        return "broad-catch guard: " + findings.size() + " unjustified broad catch(es)\n"
                + findings.stream().map(Finding::render).collect(Collectors.joining("\n"));
    }
}
