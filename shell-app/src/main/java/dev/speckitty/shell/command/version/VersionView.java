package dev.speckitty.shell.command.version;

import dev.speckitty.shell.render.View;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link VersionInfo} as four lines, or as {@code {version, commit, build_time, runtime}}. */
final class VersionView implements View<VersionInfo> {

    @Override
    public void text(VersionInfo info, PrintWriter out) {
        VersionInfo.Runtime runtime = info.runtime();
        out.print("spec-kitty " + info.version() + "\n"
                + "commit:  " + info.commit() + "\n"
                + "built:   " + info.buildTime() + "\n"
                + "runtime: " + runtime.vendor() + " " + runtime.vmVersion()
                + (runtime.bundled() ? ", bundled" : "") + " (" + runtime.javaHome() + ")\n");
    }

    @Override
    public Map<String, Object> json(VersionInfo info) {
        VersionInfo.Runtime runtime = info.runtime();
        Map<String, Object> runtimeJson = new LinkedHashMap<>();
        runtimeJson.put("vendor", runtime.vendor());
        runtimeJson.put("vm_version", runtime.vmVersion());
        runtimeJson.put("java_home", runtime.javaHome());
        runtimeJson.put("bundled", runtime.bundled());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", info.version());
        document.put("commit", info.commit());
        document.put("build_time", info.buildTime());
        document.put("runtime", runtimeJson);
        return document;
    }
}
