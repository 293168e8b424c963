package dev.speckitty.architecture.keyring;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds a class file that holds a field of a given type, so the keyring rule can be shown failing
 * without putting a real keyring library (or a look-alike in its package) on the classpath.
 */
final class SyntheticClasses {

    private SyntheticClasses() {
    }

    static JavaClasses classWithFieldOfType(String className, String fieldType, Path workDir) throws IOException {
        byte[] bytes = ClassFile.of().build(ClassDesc.of(className), builder -> builder
                .withField("dependency", ClassDesc.of(fieldType), ClassFile.ACC_PRIVATE));
        Path file = workDir.resolve(className.replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return new ClassFileImporter().importPath(file);
    }
}
