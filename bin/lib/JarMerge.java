import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Merges an application jar and the jars its manifest's Class-Path names into one jar, for the
 * launcher's fast layout (bin/lib/fast-launch.sh): one jar to open instead of 55, the same classes
 * and resources in the same order (docs/performance.md, "Fourth round").
 *   java JarMerge.java <app jar> <out jar>
 * Rules, in class-path order (the app jar first):
 * - a class or resource: the first jar's; another jar's copy must have the same bytes, else the
 *   merge fails naming both jars (the original class path would have shadowed it silently);
 * - META-INF/services/*: the provider lines of all jars, de-duplicated (as ServiceLoader reads them);
 * - META-INF/spring/*.imports: the lines of all jars, in order, duplicates kept (as Spring's
 *   ImportCandidates reads them);
 * - spring.factories and aot.factories: merged by key, the values' lists joined in class-path order;
 * - spring.handlers, spring.schemas, spring.tooling, spring-autoconfigure-metadata.properties and
 *   Netty's io.netty.versions.properties: merged by key; one key with two values fails;
 * - licence and notice files of a library: kept under META-INF/legal/<jar>/<path>;
 * - dropped: the libraries' manifests, signature files, module-info.class, the JAR index, the
 *   multi-release OSGi manifests, and the versioned entries of a jar that is not multi-release;
 * - the manifest: the app jar's without Class-Path, with Multi-Release: true. A package takes its
 *   Implementation-/Specification- attributes from the main section, i.e. the app's, unless it has
 *   a section of its own: a library package gets one, with its jar's attributes, when one of its
 *   classes asks for a package's attributes (Reactor Netty makes its User-Agent header from its
 *   Implementation-Version). A section for every package (521 of them) made the manifest 78 KB,
 *   which every start parses (a cold parse took 8-25 ms; docs/performance.md);
 * - every entry dated 1980-02-01 00:00, sorted by name after the manifest: the same jars give the
 *   same bytes.
 * Prints one summary line; on a conflict prints every conflict on stderr and exits 1.
 */
public class JarMerge {

    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);
    private static final Pattern VERSIONED = Pattern.compile("META-INF/versions/\\d+/(.+)");
    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)|META-INF/SIG-[^/]+");
    private static final Pattern SERVICES = Pattern.compile("META-INF/services/[^/]+");
    private static final Pattern IMPORTS = Pattern.compile("META-INF/spring/[^/]+\\.imports");
    private static final Set<String> LIST_PROPERTIES = Set.of("META-INF/spring.factories", "META-INF/spring/aot.factories");
    private static final Set<String> UNIQUE_PROPERTIES = Set.of("META-INF/spring.handlers", "META-INF/spring.schemas",
            "META-INF/spring.tooling", "META-INF/spring-autoconfigure-metadata.properties",
            "META-INF/io.netty.versions.properties");
    private static final Pattern LICENCE = Pattern.compile("(?i)(.*/)?[^/]*(licen[cs]e|notice|copying)[^/]*");
    private static final List<Attributes.Name> PACKAGE_ATTRIBUTES = List.of(Attributes.Name.SPECIFICATION_TITLE,
            Attributes.Name.SPECIFICATION_VERSION, Attributes.Name.SPECIFICATION_VENDOR,
            Attributes.Name.IMPLEMENTATION_TITLE, Attributes.Name.IMPLEMENTATION_VERSION,
            Attributes.Name.IMPLEMENTATION_VENDOR, Attributes.Name.SEALED);
    /** A class file naming one of Package's attribute getters in its constant pool. */
    private static final Pattern PACKAGE_READER = Pattern.compile("get(Implementation|Specification)(Title|Version|Vendor)");

    /** One input jar: its file name (for messages and licence paths) and its manifest. */
    record Source(String name, JarFile jar, Manifest manifest, boolean app) {
        boolean multiRelease() {
            return "true".equalsIgnoreCase(manifest.getMainAttributes().getValue(Attributes.Name.MULTI_RELEASE));
        }
    }

    /** An entry kept as it is, and the jar it came from. */
    record Kept(byte[] bytes, String from) {}

    private final Map<String, Kept> kept = new TreeMap<>();
    /** Logical name (without META-INF/versions/N/) -> the jar that owns it, so no jar mixes its variants with another's. */
    private final Map<String, String> owners = new HashMap<>();
    /** Line lists: a services file's distinct providers, an .imports file's every line. */
    private final Map<String, Collection<String>> lineLists = new TreeMap<>();
    private final Map<String, Map<String, LinkedHashSet<String>>> listProperties = new TreeMap<>();
    private final Map<String, Map<String, String>> uniqueProperties = new TreeMap<>();
    /** Package directory ("org/example/") -> its own jar's attributes, for the packages that read them. */
    private final Map<String, Attributes> packages = new TreeMap<>();
    private final Set<String> directories = new LinkedHashSet<>();
    private final List<String> conflicts = new ArrayList<>();
    private int dropped;

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java JarMerge.java <app jar> <out jar>");
            System.exit(2);
        }
        Path app = Path.of(args[0]);
        List<Path> classPath = classPath(app);
        JarMerge merge = new JarMerge();
        Manifest appManifest = null;
        for (Path path : classPath) {
            try (JarFile jar = new JarFile(path.toFile(), false)) {
                Manifest manifest = jar.getManifest() == null ? new Manifest() : jar.getManifest();
                Source source = new Source(path.getFileName().toString(), jar, manifest, path.equals(app));
                appManifest = source.app() ? manifest : appManifest;
                merge.add(source);
            }
        }
        if (!merge.conflicts.isEmpty()) {
            merge.conflicts.forEach(conflict -> System.err.println("jar-merge: " + conflict));
            System.err.println("jar-merge: " + merge.conflicts.size() + " conflicts; nothing written to " + args[1]
                    + " (the separate jars would shadow one copy silently: decide which, or add a merge rule to JarMerge.java)");
            System.exit(1);
        }
        Path out = Path.of(args[1]);
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            merge.write(appManifest, file);
        }
        Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("jar-merge: %d jars -> %s (%d entries, %d merged files, %d dropped)%n", classPath.size(),
                out, merge.kept.size(), merge.lineLists.size() + merge.listProperties.size() + merge.uniqueProperties.size(),
                merge.dropped);
    }

    /**
     * The app jar, then its manifest's Class-Path entries (relative to the app jar), in order. An
     * entry that is not there is skipped, as the JVM skips it (bin/dist leaves out other platforms'
     * native jars but not their names in the manifest).
     */
    static List<Path> classPath(Path app) throws IOException {
        List<Path> jars = new ArrayList<>(List.of(app));
        try (JarFile jar = new JarFile(app.toFile(), false)) {
            String classPath = jar.getManifest() == null ? null
                    : jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath != null && !classPath.isBlank()) {
                for (String relative : classPath.trim().split("\\s+")) {
                    Path entry = app.toAbsolutePath().getParent().resolve(relative);
                    if (Files.isRegularFile(entry)) {
                        jars.add(entry);
                    } else {
                        System.out.println("jar-merge: " + relative + " is not there; skipped, as the JVM skips it");
                    }
                }
            }
        }
        return jars;
    }

    void add(Source source) throws IOException {
        boolean multiRelease = source.multiRelease();
        for (ZipEntry entry : source.jar().stream().toList()) {
            String name = entry.getName();
            var versioned = VERSIONED.matcher(name);
            if (entry.isDirectory()) {
                directories.add(name);
            } else if (isDropped(name, source, multiRelease)) {
                dropped++;
            } else if (SERVICES.matcher(name).matches()) {
                lineLists.computeIfAbsent(name, n -> new LinkedHashSet<>()).addAll(lines(text(source, entry)));
            } else if (IMPORTS.matcher(name).matches()) {
                lineLists.computeIfAbsent(name, n -> new ArrayList<>()).addAll(lines(text(source, entry)));
            } else if (LIST_PROPERTIES.contains(name)) {
                mergeLists(name, properties(source, entry));
            } else if (UNIQUE_PROPERTIES.contains(name)) {
                mergeUnique(name, properties(source, entry), source.name());
            } else if (!source.app() && LICENCE.matcher(name).matches() && !name.endsWith(".class")) {
                String relocated = "META-INF/legal/" + source.name() + "/" + name;
                keep(relocated, relocated, source, entry);
            } else {
                keep(name, versioned.matches() ? versioned.group(1) : name, source, entry);
            }
        }
    }

    private static boolean isDropped(String name, Source source, boolean multiRelease) {
        var versioned = VERSIONED.matcher(name);
        String logical = versioned.matches() ? versioned.group(1) : name;
        return name.equals(JarFile.MANIFEST_NAME) // the app's is rewritten, the others' would be wrong for the merged jar
                || SIGNATURE.matcher(name).matches() // the merged jar is unsigned; a stale signature would fail it
                || logical.equals("module-info.class") // the merged jar is no module (the class path ignores them anyway)
                || name.equals("META-INF/INDEX.LIST") // a JAR index of another jar's packages
                || (versioned.matches() && (logical.equals("OSGI-INF/MANIFEST.MF") || !multiRelease));
    }

    /** A class or resource: the first jar's; an identical copy is dropped, a different one is a conflict. */
    private void keep(String name, String logical, Source source, ZipEntry entry) throws IOException {
        byte[] bytes = bytes(source, entry);
        String owner = owners.putIfAbsent(logical, source.name());
        Kept earlier = kept.get(name);
        if (earlier != null) {
            if (!Arrays.equals(earlier.bytes(), bytes)) {
                conflicts.add(name + ": different in " + earlier.from() + " and " + source.name());
            }
            return;
        }
        if (owner != null && !owner.equals(source.name())) {
            conflicts.add(name + " in " + source.name() + ": another variant of " + logical + " is in " + owner);
            return;
        }
        kept.put(name, new Kept(bytes, source.name()));
        if (!source.app() && logical.endsWith(".class") && readsPackageAttributes(bytes)) {
            String directory = logical.substring(0, logical.lastIndexOf('/') + 1);
            Attributes attributes = packageAttributes(source, directory);
            if (!attributes.isEmpty()) {
                packages.putIfAbsent(directory, attributes);
            }
        }
    }

    private static boolean readsPackageAttributes(byte[] classFile) {
        return PACKAGE_READER.matcher(new String(classFile, StandardCharsets.ISO_8859_1)).find();
    }

    /** The jar's own package attributes for {@code directory}: its main attributes, overridden by a section of that name. */
    private static Attributes packageAttributes(Source source, String directory) {
        Attributes attributes = new Attributes();
        for (Attributes from : new Attributes[] {source.manifest().getMainAttributes(), source.manifest().getAttributes(directory)}) {
            for (Attributes.Name name : PACKAGE_ATTRIBUTES) {
                if (from != null && from.getValue(name) != null) {
                    attributes.put(name, from.getValue(name));
                }
            }
        }
        return attributes;
    }

    private void mergeLists(String file, Properties properties) {
        Map<String, LinkedHashSet<String>> merged = listProperties.computeIfAbsent(file, f -> new TreeMap<>());
        for (String key : properties.stringPropertyNames()) {
            LinkedHashSet<String> values = merged.computeIfAbsent(key, k -> new LinkedHashSet<>());
            for (String value : properties.getProperty(key).split(",")) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        }
    }

    private void mergeUnique(String file, Properties properties, String from) {
        Map<String, String> merged = uniqueProperties.computeIfAbsent(file, f -> new TreeMap<>());
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            String earlier = merged.putIfAbsent(key, value);
            if (earlier != null && !earlier.equals(value)) {
                conflicts.add(file + ": key " + key + " is '" + earlier + "' in an earlier jar and '" + value + "' in " + from);
            }
        }
    }

    void write(Manifest appManifest, OutputStream file) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(file)) {
            put(out, "META-INF/", null);
            put(out, JarFile.MANIFEST_NAME, manifestBytes(appManifest));
            Map<String, byte[]> all = new TreeMap<>();
            directories.stream().filter(d -> !d.equals("META-INF/")).forEach(d -> all.put(d, null));
            kept.forEach((name, entry) -> all.put(name, entry.bytes()));
            lineLists.forEach((name, lines) -> all.put(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
            listProperties.forEach((name, map) -> {
                Properties properties = new Properties();
                map.forEach((key, values) -> properties.setProperty(key, String.join(",", values)));
                all.put(name, store(properties));
            });
            uniqueProperties.forEach((name, map) -> {
                Properties properties = new Properties();
                properties.putAll(map);
                all.put(name, store(properties));
            });
            for (var entry : all.entrySet()) {
                put(out, entry.getKey(), entry.getValue());
            }
        }
    }

    /** The app's manifest without Class-Path, multi-release, with the sections of the packages that read their attributes. */
    private byte[] manifestBytes(Manifest appManifest) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.putAll(appManifest.getMainAttributes());
        main.remove(Attributes.Name.CLASS_PATH);
        main.put(Attributes.Name.MULTI_RELEASE, "true");
        manifest.getEntries().putAll(packages);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        manifest.write(bytes);
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        out.putNextEntry(entry);
        if (bytes != null) {
            out.write(bytes);
        }
        out.closeEntry();
    }

    /** Properties in the format Properties.load reads (ISO-8859-1, \\u escapes), keys sorted, no date comment. */
    private static byte[] store(Properties properties) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            properties.store(bytes, null);
            String text = bytes.toString(StandardCharsets.ISO_8859_1);
            return text.substring(text.indexOf('\n') + 1).getBytes(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Source source, ZipEntry entry) throws IOException {
        try (var in = source.jar().getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static String text(Source source, ZipEntry entry) throws IOException {
        return new String(bytes(source, entry), StandardCharsets.UTF_8);
    }

    private static Properties properties(Source source, ZipEntry entry) throws IOException {
        Properties properties = new Properties();
        try (var in = source.jar().getInputStream(entry)) {
            properties.load(in);
        }
        return properties;
    }

    /** The non-blank lines without # comments, as ServiceLoader and Spring's ImportCandidates read them. */
    private static List<String> lines(String text) {
        return text.lines().map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty()).toList();
    }
}
