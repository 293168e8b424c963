package dev.speckitty.shell.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimePathsTest {

    @Test
    void specKittyHomeIsUsedVerbatim() {
        RuntimePaths paths = RuntimePaths.resolve(RuntimeEnvironment.of(Map.of("SPEC_KITTY_HOME", "/srv/sk", "HOME", "/h")), "/jvm");
        assertThat(paths.home()).isEqualTo(Path.of("/srv/sk"));
        assertThat(paths.authDirectory()).isEqualTo(Path.of("/srv/sk/auth"));
    }

    @Test
    void emptySpecKittyHomeCountsAsUnsetAndHomeComesFromTheEnvironment() {
        RuntimePaths paths = RuntimePaths.resolve(RuntimeEnvironment.of(Map.of("SPEC_KITTY_HOME", "", "HOME", "/h")), "/jvm");
        assertThat(paths.home()).isEqualTo(Path.of("/h/.spec-kitty"));
    }

    @Test
    void jvmUserHomeIsTheLastResort() {
        RuntimePaths paths = RuntimePaths.resolve(RuntimeEnvironment.of(Map.of()), "/jvm");
        assertThat(paths.authDirectory()).isEqualTo(Path.of("/jvm/.spec-kitty/auth"));
    }
}
