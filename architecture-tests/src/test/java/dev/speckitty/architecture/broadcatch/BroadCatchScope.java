package dev.speckitty.architecture.broadcatch;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.PackageMatchers;
import java.util.List;

/** The packages whose broad catches need a reason; everything else is ignored (docs/spec/behaviour.md §4.1). */
public record BroadCatchScope(List<String> packageIdentifiers) {

    /** Auth and storage code: the storage, repository and hosted adapters, the session core and login use cases, the auth commands. */
    public static final BroadCatchScope AUTH_AND_STORAGE = new BroadCatchScope(List.of(
            "dev.speckitty.adapters.storage..",
            "dev.speckitty.adapters.repository..",
            "dev.speckitty.adapters.hosted..",
            "dev.speckitty.application.session..",
            "dev.speckitty.application.login..",
            "dev.speckitty.shell.command.auth.."));

    public boolean contains(JavaClass javaClass) {
        return PackageMatchers.of(packageIdentifiers).test(javaClass.getPackageName());
    }
}
