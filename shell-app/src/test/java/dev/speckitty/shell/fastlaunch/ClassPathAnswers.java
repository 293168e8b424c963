package dev.speckitty.shell.fastlaunch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * What a class path answers, asked through the JDK and Spring rather than through our merge tool:
 * the merged jar must answer every question as the separate jars do. Class loaders here have the
 * platform loader as parent, so only the given jars answer.
 */
public final class ClassPathAnswers {

    /**
     * Entries the merged jar answers differently on purpose (docs/performance.md, "Fourth round"):
     * manifests, signatures, module descriptors, the JAR index and multi-release OSGi manifests are
     * dropped; services, Spring's .imports, factories and keyed properties files are merged (checked
     * through ServiceLoader and Spring); licence files move to META-INF/legal/<jar>/.
     */
    public static final Pattern MERGED_OR_DROPPED = Pattern.compile("META-INF/MANIFEST\\.MF"
            + "|META-INF/[^/]+\\.(SF|RSA|DSA|EC)|(META-INF/versions/\\d+/)?module-info\\.class|META-INF/INDEX\\.LIST"
            + "|(META-INF/versions/\\d+/)?OSGI-INF/MANIFEST\\.MF|META-INF/services/[^/]+|META-INF/spring/[^/]+\\.imports"
            + "|META-INF/(spring\\.factories|spring/aot\\.factories|spring\\.handlers|spring\\.schemas|spring\\.tooling"
            + "|spring-autoconfigure-metadata\\.properties|io\\.netty\\.versions\\.properties)");
    /** A library's licence and notice files, which the merged jar keeps under META-INF/legal/<jar>/<name>. */
    public static final Pattern LICENCE = Pattern.compile("(?i)(?!.*\\.class$)(.*/)?[^/]*(licen[cs]e|notice|copying)[^/]*");

    private static final Pattern VERSIONED = Pattern.compile("META-INF/versions/\\d+/(.+)");

    private ClassPathAnswers() {}

    /**
     * Every resource name the separate jars hold (as stored, and for a versioned entry also the name
     * the JDK resolves it by), but for {@link #MERGED_OR_DROPPED} and {@link #LICENCE}, where the merged jar's loader
     * answers other bytes than the separate jars' loader: "name: why" per difference.
     */
    public static List<String> resourceDifferences(List<Path> jars, ClassLoader separate, ClassLoader merged)
            throws IOException {
        TreeSet<String> names = new TreeSet<>();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile(), false)) {
                for (ZipEntry entry : file.stream().toList()) {
                    var versioned = VERSIONED.matcher(entry.getName());
                    if (!entry.isDirectory()) {
                        names.add(entry.getName());
                        if (versioned.matches()) {
                            names.add(versioned.group(1));
                        }
                    }
                }
            }
        }
        List<String> differences = new ArrayList<>();
        for (String name : names) {
            if (!MERGED_OR_DROPPED.matcher(name).matches() && !LICENCE.matcher(name).matches()) {
                byte[] expected = resource(separate, name);
                byte[] actual = resource(merged, name);
                if (!Arrays.equals(expected, actual)) {
                    differences.add(name + (actual == null ? ": missing" : ": other bytes"));
                }
            }
        }
        return differences;
    }

    /** A loader over the jars in this order; a jar's manifest Class-Path is followed by the JDK itself. */
    public static URLClassLoader loader(Path... jars) {
        URL[] urls = Arrays.stream(jars).map(ClassPathAnswers::url).toArray(URL[]::new);
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }

    /** The bytes the first match on the class path holds, or null. */
    public static byte[] resource(ClassLoader loader, String name) {
        URL url = loader.getResource(name);
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The provider classes java.util.ServiceLoader finds for the service, in its order. */
    public static List<String> serviceProviders(ClassLoader loader, String service) throws ClassNotFoundException {
        Class<?> type = Class.forName(service, false, loader);
        return ServiceLoader.load(type, loader).stream().map(provider -> provider.type().getName()).toList();
    }

    /** Spring's own reading of every copy of a factories file (spring.factories, aot.factories) on the class path. */
    public static Map<String, List<String>> springFactories(ClassLoader loader, String location) {
        return SpringFactories.read(loader, location);
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Reaches SpringFactoriesLoader's protected reader: the map it builds before instantiating anything. */
    private static final class SpringFactories extends SpringFactoriesLoader {
        private SpringFactories() {
            super(null, Map.of());
        }

        static Map<String, List<String>> read(ClassLoader loader, String location) {
            return loadFactoriesResource(loader, location);
        }
    }
}
