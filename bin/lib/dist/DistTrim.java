import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Copies the exec jar for a distribution without the native code of other platforms (bin/dist):
 * Netty's per-platform native jars (classifier linux-x86_64, osx-aarch_64, ...) other than this
 * platform's, and the SQLite driver's libraries under org/sqlite/native/<os>/<arch>/ other than
 * the kept ones. Nothing else changes; what was left out is listed on stdout.
 *   java DistTrim.java <exec jar> <out jar> <netty classifier> <sqlite os/arch,...>
 */
public class DistTrim {

    private static final Pattern NETTY_NATIVE = Pattern.compile("BOOT-INF/lib/netty-.*-((linux|osx|windows)-(x86_64|aarch_64))\\.jar");
    private static final Pattern SQLITE_JAR = Pattern.compile("BOOT-INF/lib/sqlite-jdbc-[^/]*\\.jar");
    private static final Pattern SQLITE_NATIVE = Pattern.compile("org/sqlite/native/([^/]+/[^/]+)/.*");

    public static void main(String[] args) throws IOException {
        String nettyClassifier = args[2];
        Set<String> sqliteKept = Set.of(args[3].split(","));
        try (ZipFile in = new ZipFile(args[0]); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(Path.of(args[1])))) {
            for (ZipEntry entry : in.stream().toList()) {
                Matcher netty = NETTY_NATIVE.matcher(entry.getName());
                if (netty.matches() && !netty.group(1).equals(nettyClassifier)) {
                    System.out.println("left out: " + entry.getName().substring("BOOT-INF/lib/".length()));
                    continue;
                }
                try (InputStream content = in.getInputStream(entry)) {
                    byte[] bytes = content.readAllBytes();
                    if (SQLITE_JAR.matcher(entry.getName()).matches()) {
                        bytes = withoutOtherNatives(bytes, sqliteKept, entry.getName());
                    }
                    write(out, entry, bytes);
                }
            }
        }
    }

    /** The SQLite driver jar without the libraries of platforms not in {@code kept}. */
    private static byte[] withoutOtherNatives(byte[] jar, Set<String> kept, String name) throws IOException {
        ByteArrayOutputStream trimmed = new ByteArrayOutputStream(jar.length);
        List<String> leftOut = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(trimmed)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Matcher nativeLibrary = SQLITE_NATIVE.matcher(entry.getName());
                if (nativeLibrary.matches() && !kept.contains(nativeLibrary.group(1))) {
                    if (!entry.isDirectory()) {
                        leftOut.add(nativeLibrary.group(1));
                    }
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        System.out.println("left out: " + name.substring("BOOT-INF/lib/".length()) + " native libraries for "
                + String.join(", ", leftOut.stream().sorted().toList()));
        return trimmed.toByteArray();
    }

    /** Same name, time and method; a stored entry (Spring Boot's nested jars) gets its new size and CRC. */
    private static void write(ZipOutputStream out, ZipEntry original, byte[] bytes) throws IOException {
        ZipEntry copy = new ZipEntry(original.getName());
        copy.setTime(original.getTime());
        if (original.getMethod() == ZipEntry.STORED) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            copy.setMethod(ZipEntry.STORED);
            copy.setSize(bytes.length);
            copy.setCompressedSize(bytes.length);
            copy.setCrc(crc.getValue());
        }
        out.putNextEntry(copy);
        ((OutputStream) out).write(bytes);
        out.closeEntry();
    }
}
