package dev.warren.internal.ship;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * The classes one class file refers to, read from its bytes without loading it: every class,
 * descriptor and method type of its constant pool (which holds field and method references, nested
 * classes, the nest, and the owners of the method handles that lambdas bootstrap with), plus what
 * lives only in attributes: declared descriptors, generic signatures, annotations and record
 * components (see {@link ReferenceVisitor}). Also the lookups by name it cannot follow.
 *
 * <pre>{@code
 * ClassReferences refs = ClassReferences.of(bytes);
 * refs.classes();      // internal names: [com/acme/Helper, java/lang/String, ...]
 * refs.blindspots();   // Class.forName("com.acme.Plugin") in com.acme.Task.run
 * }</pre>
 */
public final class ClassReferences {
    private static final int CONSTANT_CLASS = 7;
    private static final int CONSTANT_NAME_AND_TYPE = 12;
    private static final int CONSTANT_METHOD_TYPE = 16;

    private final String name;
    private final Set<String> classes;
    private final List<Blindspot> blindspots;

    private ClassReferences(String name, Set<String> classes, List<Blindspot> blindspots) {
        this.name = name;
        this.classes = classes;
        this.blindspots = blindspots;
    }

    /**
     * @throws IllegalArgumentException when {@code classFile} is not a class file ASM can read
     */
    public static ClassReferences of(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        Set<String> found = new TreeSet<>();
        readConstantPool(reader, classFile.length, found);
        List<Blindspot> blindspots = new ArrayList<>();
        reader.accept(new ReferenceVisitor(found, blindspots), 0);
        found.remove(reader.getClassName());
        return new ClassReferences(reader.getClassName(), found, List.copyOf(blindspots));
    }

    /** The class's own internal name, such as {@code com/acme/Task$1}. */
    public String name() {
        return name;
    }

    /** Internal names of the classes referred to, array types reduced to their element. */
    public Set<String> classes() {
        return Set.copyOf(classes);
    }

    public List<Blindspot> blindspots() {
        return blindspots;
    }

    private static void readConstantPool(ClassReader reader, int size, Set<String> found) {
        // a UTF-8 constant decodes to at most as many chars as the class file has bytes
        char[] buffer = new char[Math.max(reader.getMaxStringLength(), size)];
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0) {
                continue; // the second slot of a long or double
            }
            int tag = reader.readByte(offset - 1);
            if (tag == CONSTANT_CLASS) {
                addClassOrArray(reader.readUTF8(offset, buffer), found);
            } else if (tag == CONSTANT_NAME_AND_TYPE) {
                addDescriptor(reader.readUTF8(offset + 2, buffer), found);
            } else if (tag == CONSTANT_METHOD_TYPE) {
                addDescriptor(reader.readUTF8(offset, buffer), found);
            }
        }
    }

    static void addClassOrArray(String internalName, Set<String> found) {
        if (internalName.startsWith("[")) {
            addType(Type.getType(internalName), found);
        } else {
            found.add(internalName);
        }
    }

    /** A field or method descriptor: every object type in it. */
    static void addDescriptor(String descriptor, Set<String> found) {
        if (descriptor == null || descriptor.isEmpty()) {
            return;
        }
        if (descriptor.charAt(0) == '(') {
            Type method = Type.getMethodType(descriptor);
            addType(method.getReturnType(), found);
            for (Type argument : method.getArgumentTypes()) {
                addType(argument, found);
            }
        } else {
            addType(Type.getType(descriptor), found);
        }
    }

    static void addType(Type type, Set<String> found) {
        Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
        if (element.getSort() == Type.OBJECT) {
            found.add(element.getInternalName());
        }
    }

    /** A generic signature: every class it names, type arguments and bounds included. */
    static void addSignature(String signature, Set<String> found) {
        if (signature == null) {
            return;
        }
        new SignatureReader(signature)
                .accept(
                        new SignatureVisitor(org.objectweb.asm.Opcodes.ASM9) {
                            private String outer;

                            @Override
                            public void visitClassType(String name) {
                                outer = name;
                                found.add(name);
                            }

                            @Override
                            public void visitInnerClassType(String name) {
                                outer = outer + "$" + name;
                                found.add(outer);
                            }
                        });
    }
}
