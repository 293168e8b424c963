package dev.speckitty.architecture.layering;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

/** JDK types that touch files, sockets or HTTP: the inner hexagon reaches them only through ports. */
final class InputOutputApis {

    private InputOutputApis() {
    }

    static DescribedPredicate<JavaClass> inputOutputApis() {
        return resideInAnyPackage("java.nio.file..", "java.nio.channels..", "java.net.http..")
                .or(nameMatching("java\\.io\\.(File|FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile)"))
                .or(nameMatching("java\\.net\\.(Socket|ServerSocket|DatagramSocket|HttpURLConnection|URLConnection)"))
                .as("file, socket or HTTP APIs");
    }
}
