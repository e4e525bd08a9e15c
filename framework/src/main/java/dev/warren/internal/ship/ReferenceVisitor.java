package dev.warren.internal.ship;

import java.util.List;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

/**
 * The references a constant pool does not hold as classes: declared field and method descriptors
 * and generic signatures, annotations and their class and enum values, record components, local
 * variables' generic types; and, through {@link LookupSpotter}, the lookups by name.
 */
final class ReferenceVisitor extends ClassVisitor {
    private static final int API = Opcodes.ASM9;

    private final Set<String> found;
    private final List<Blindspot> blindspots;
    private String className;
    private String sourceFile;

    ReferenceVisitor(Set<String> found, List<Blindspot> blindspots) {
        super(API);
        this.found = found;
        this.blindspots = blindspots;
    }

    @Override
    public void visit(
            int version,
            int access,
            String name,
            String signature,
            String superName,
            String[] interfaces) {
        className = name;
        ClassReferences.addSignature(signature, found);
    }

    @Override
    public void visitSource(String source, String debug) {
        sourceFile = source;
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        return annotation(descriptor);
    }

    @Override
    public AnnotationVisitor visitTypeAnnotation(
            int typeRef, TypePath typePath, String descriptor, boolean visible) {
        return annotation(descriptor);
    }

    @Override
    public RecordComponentVisitor visitRecordComponent(
            String name, String descriptor, String signature) {
        ClassReferences.addDescriptor(descriptor, found);
        ClassReferences.addSignature(signature, found);
        return new RecordComponentVisitor(API) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                return annotation(annotation);
            }
        };
    }

    @Override
    public FieldVisitor visitField(
            int access, String name, String descriptor, String signature, Object value) {
        ClassReferences.addDescriptor(descriptor, found);
        ClassReferences.addSignature(signature, found);
        return new FieldVisitor(API) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                return annotation(annotation);
            }
        };
    }

    @Override
    public MethodVisitor visitMethod(
            int access, String name, String descriptor, String signature, String[] exceptions) {
        ClassReferences.addDescriptor(descriptor, found);
        ClassReferences.addSignature(signature, found);
        if (exceptions != null) {
            found.addAll(List.of(exceptions));
        }
        String site = className.replace('/', '.') + "." + name;
        return new LookupSpotter(site, sourceFile, blindspots) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                return annotation(annotation);
            }

            @Override
            public AnnotationVisitor visitParameterAnnotation(
                    int parameter, String annotation, boolean visible) {
                return annotation(annotation);
            }

            @Override
            public AnnotationVisitor visitAnnotationDefault() {
                return values();
            }

            @Override
            public void visitLocalVariable(
                    String local,
                    String localDescriptor,
                    String localSignature,
                    org.objectweb.asm.Label start,
                    org.objectweb.asm.Label end,
                    int index) {
                ClassReferences.addDescriptor(localDescriptor, found);
                ClassReferences.addSignature(localSignature, found);
            }
        };
    }

    private AnnotationVisitor annotation(String descriptor) {
        ClassReferences.addDescriptor(descriptor, found);
        return values();
    }

    /** The values of an annotation: class literals, enum constants and nested annotations. */
    private AnnotationVisitor values() {
        return new AnnotationVisitor(API) {
            @Override
            public void visit(String name, Object value) {
                if (value instanceof Type type) {
                    ClassReferences.addType(type, found);
                }
            }

            @Override
            public void visitEnum(String name, String descriptor, String value) {
                ClassReferences.addDescriptor(descriptor, found);
            }

            @Override
            public AnnotationVisitor visitAnnotation(String name, String descriptor) {
                return annotation(descriptor);
            }

            @Override
            public AnnotationVisitor visitArray(String name) {
                return this;
            }
        };
    }
}
