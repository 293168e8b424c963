package dev.speckitty.shell.render;

import java.util.Locale;

/** Stable machine strings from enum constants: {@code DECRYPTION_FAILED} becomes {@code decryption_failed}. */
public final class SnakeCase {

    private SnakeCase() {}

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
