package dev.speckitty.architecture.broadcatch;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.attribute.LineNumberInfo;
import java.lang.classfile.instruction.ExceptionCatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the exception tables of a class file (JDK ClassFile API). Every method is included, so the
 * bodies of lambdas (synthetic methods of the same class) are covered; nested and anonymous classes
 * are class files of their own and are read the same way.
 */
final class BytecodeCatches {

    static final Set<String> BROAD_TYPES = Set.of("java/lang/Exception", "java/lang/RuntimeException", "java/lang/Throwable");

    private BytecodeCatches() {
    }

    static Optional<String> sourceFileName(ClassModel classModel) {
        return classModel.findAttribute(Attributes.sourceFile()).map(attribute -> attribute.sourceFile().stringValue());
    }

    static ClassModel parse(byte[] classBytes) {
        return ClassFile.of().parse(classBytes);
    }

    static List<CatchHandler> broadHandlers(ClassModel classModel) {
        List<CatchHandler> handlers = new ArrayList<>();
        String className = classModel.thisClass().asInternalName().replace('/', '.');
        for (MethodModel method : classModel.methods()) {
            method.findAttribute(Attributes.code()).ifPresent(code ->
                    handlers.addAll(broadHandlers(className, method.methodName().stringValue(), code)));
        }
        return handlers;
    }

    /** A multi-catch, or a try split by inlined finally code, has several table entries per handler. */
    private static List<CatchHandler> broadHandlers(String className, String methodName, CodeAttribute code) {
        LineTable lines = LineTable.of(code);
        Map<Integer, Set<String>> caughtByHandler = new LinkedHashMap<>();
        Map<Integer, Integer> tryFirstLineByHandler = new LinkedHashMap<>();
        for (ExceptionCatch entry : code.exceptionHandlers()) {
            Optional<String> caught = entry.catchType().map(type -> type.asInternalName());
            if (caught.isEmpty() || !BROAD_TYPES.contains(caught.get())) {
                continue; // finally/synchronized ("any") and narrow catches
            }
            int handlerPc = pc(code, entry.handler());
            caughtByHandler.computeIfAbsent(handlerPc, pc -> new LinkedHashSet<>()).add(simpleName(caught.get()));
            int tryFirstLine = lines.firstLineIn(pc(code, entry.tryStart()), pc(code, entry.tryEnd()));
            tryFirstLineByHandler.merge(handlerPc, tryFirstLine, Math::min);
        }
        return caughtByHandler.entrySet().stream()
                .map(handler -> new CatchHandler(className, methodName, Set.copyOf(handler.getValue()),
                        lines.lineAt(handler.getKey()), tryFirstLineByHandler.get(handler.getKey())))
                .toList();
    }

    private static int pc(CodeAttribute code, Label label) {
        return code.labelToBci(label);
    }

    private static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }

    /** The LineNumberTable: which source line each instruction belongs to. */
    private record LineTable(List<LineNumberInfo> entries) {

        static LineTable of(CodeAttribute code) {
            List<LineNumberInfo> entries = code.findAttributes(Attributes.lineNumberTable()).stream()
                    .flatMap(table -> table.lineNumbers().stream())
                    .sorted(Comparator.comparingInt(LineNumberInfo::startPc))
                    .toList();
            return new LineTable(entries);
        }

        /** The line in effect at an instruction: the last entry starting at or before it; 0 if none. */
        int lineAt(int pc) {
            int line = 0;
            for (LineNumberInfo entry : entries) {
                if (entry.startPc() > pc) {
                    break;
                }
                line = entry.lineNumber();
            }
            return line;
        }

        /** Lowest line among the instructions in [startPc, endPc). */
        int firstLineIn(int startPc, int endPc) {
            int first = lineAt(startPc);
            for (LineNumberInfo entry : entries) {
                if (entry.startPc() > startPc && entry.startPc() < endPc && entry.lineNumber() > 0) {
                    first = first == 0 ? entry.lineNumber() : Math.min(first, entry.lineNumber());
                }
            }
            return first;
        }
    }
}
