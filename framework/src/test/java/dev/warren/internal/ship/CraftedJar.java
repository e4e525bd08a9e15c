package dev.warren.internal.ship;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A small library jar made with ASM: {@code lib.Root extends lib.Base} with a field of the absent
 * type {@code lib.Absent}, plus {@code lib/data.txt} and {@code lib/sub/other.txt}.
 */
final class CraftedJar {
    private CraftedJar() {}

    static Path write(Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            put(out, "lib/Base.class", classFile("lib/Base", "java/lang/Object", null));
            put(out, "lib/Root.class", classFile("lib/Root", "lib/Base", "Llib/Absent;"));
            put(out, "lib/data.txt", "data".getBytes(StandardCharsets.UTF_8));
            put(out, "lib/sub/other.txt", "other".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    static byte[] classFile(String name, String superName, String fieldDescriptor) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, superName, null);
        if (fieldDescriptor != null) {
            writer.visitField(Opcodes.ACC_PUBLIC, "field", fieldDescriptor, null, null).visitEnd();
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }
}
