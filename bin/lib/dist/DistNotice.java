import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The licence part of a distribution (bin/dist): for every jar in the application's lib/, its
 * coordinates and licences from the CycloneDX SBOM, and the licence and notice files the jar
 * itself carries, copied to legal/<jar>/. Writes NOTICE; prints a warning for a jar the SBOM does
 * not name. Reads the libraries as the exec jar packages them (its extracted lib/: the distribution
 * ships them merged into one jar), with the application's own Jackson on the class path:
 *   java -cp '<extracted>/lib/*' DistNotice.java <sbom.json> <extracted lib dir> <legal dir> <NOTICE> <header text>
 */
public class DistNotice {

    private static final Pattern LICENCE_FILE = Pattern.compile("(?i)[^/]*(licen[cs]e|notice|copying)[^/]*");

    private static final String OWN_GROUP = "dev.speckitty";

    record Component(String coordinates, String name, String version, List<String> licences) {}

    public static void main(String[] args) throws IOException {
        JsonNode bom = JsonMapper.builder().build().readTree(Files.readString(Path.of(args[0])));
        Path lib = Path.of(args[1]);
        Path legal = Path.of(args[2]);
        List<Component> components = new ArrayList<>();
        for (JsonNode component : bom.path("components")) {
            List<String> licences = new ArrayList<>();
            for (JsonNode choice : component.path("licenses")) {
                JsonNode licence = choice.path("license");
                String id = licence.path("id").asString("");
                String name = id.isEmpty() ? licence.path("name").asString(choice.path("expression").asString("")) : id;
                String url = licence.path("url").asString("");
                licences.add(url.isEmpty() ? name : name + " <" + url + ">");
            }
            components.add(new Component(component.path("group").asString("") + ":" + component.path("name").asString()
                    + ":" + component.path("version").asString(), component.path("name").asString(),
                    component.path("version").asString(), licences));
        }
        StringBuilder notice = new StringBuilder(args[4]).append("\n\n");
        List<Path> jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        int unnamed = 0;
        for (Path jar : jars) {
            String file = jar.getFileName().toString();
            Optional<Component> component = components.stream().filter(c -> isJarOf(c, file)).findFirst();
            int copied = copyLicenceFiles(jar, legal.resolve(file));
            notice.append(file).append('\n');
            if (component.isPresent()) {
                notice.append("  artifact: ").append(component.get().coordinates()).append('\n');
                notice.append("  licence:  ").append(licenceLine(component.get())).append('\n');
            } else {
                unnamed++;
                System.err.println("dist-notice: warning: " + file + " is not in the SBOM; see its own licence files");
                notice.append("  artifact: not in the SBOM (added by the Spring Boot packaging or a shaded dependency)\n");
            }
            notice.append("  files:    ").append(copied == 0 ? "none in the jar" : "legal/" + file + "/").append("\n\n");
        }
        Files.writeString(Path.of(args[3]), notice.toString());
        System.err.println("dist-notice: " + jars.size() + " jars, " + unnamed + " not in the SBOM");
    }

    private static String licenceLine(Component component) {
        String declared = component.licences().isEmpty() ? "none declared" : String.join(" OR ", component.licences());
        // Our modules declare no licence of their own; their POMs inherit spring-boot-starter-parent's.
        return component.coordinates().startsWith(OWN_GROUP + ":")
                ? "spec-kitty's own module (no licence declared by the project; the POM inherits " + declared
                        + " from spring-boot-starter-parent)"
                : declared;
    }

    private static boolean isJarOf(Component component, String file) {
        String stem = component.name() + "-" + component.version();
        return file.equals(stem + ".jar") || (file.startsWith(stem + "-") && file.endsWith(".jar"));
    }

    private static int copyLicenceFiles(Path jar, Path target) throws IOException {
        int copied = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                String name = entry.getName();
                String last = name.substring(name.lastIndexOf('/') + 1);
                if (entry.isDirectory() || name.endsWith(".class") || !LICENCE_FILE.matcher(last).matches()) {
                    continue;
                }
                Path out = target.resolve(name).normalize();
                if (!out.startsWith(target)) {
                    continue; // an entry name escaping the target directory
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, out);
                }
                copied++;
            }
        }
        return copied;
    }
}
