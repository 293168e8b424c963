package dev.speckitty.domain.port;

/** Opens a URL for the user; false when there is no usable browser (then the URL is printed). */
public interface Browser {

    boolean open(String url);
}
