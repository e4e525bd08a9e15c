package dev.warren.internal.ship;

import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Spots, in one method's code, the calls that look a class up by name ({@code Class.forName},
 * {@code ClassLoader.loadClass}) and the {@code ServiceLoader} lookups. A name pushed by the
 * instruction right before the call is a constant and is reported by name; any other is computed.
 */
class LookupSpotter extends MethodVisitor {
    private static final String BY_NAME_RESULT = ")Ljava/lang/Class;";

    private final String method;
    private final String sourceFile;
    private final List<Blindspot> blindspots;
    private String pendingConstant;
    private int line = -1;

    LookupSpotter(String method, String sourceFile, List<Blindspot> blindspots) {
        super(Opcodes.ASM9);
        this.method = method;
        this.sourceFile = sourceFile;
        this.blindspots = blindspots;
    }

    @Override
    public void visitLineNumber(int number, Label start) {
        line = number;
    }

    @Override
    public void visitLdcInsn(Object value) {
        pendingConstant = value instanceof String text ? text : null;
    }

    @Override
    public void visitMethodInsn(
            int opcode, String owner, String name, String descriptor, boolean isInterface) {
        String constant = pendingConstant;
        pendingConstant = null;
        if (isLookupByName(owner, name, descriptor)) {
            blindspots.add(
                    constant == null
                            ? new Blindspot(Blindspot.Kind.COMPUTED_NAME, site(), null)
                            : new Blindspot(Blindspot.Kind.CONSTANT_NAME, site(), constant));
        } else if (owner.equals("java/util/ServiceLoader")
                && (name.equals("load") || name.equals("loadInstalled"))) {
            blindspots.add(new Blindspot(Blindspot.Kind.SERVICE_LOADER, site(), null));
        }
    }

    private static boolean isLookupByName(String owner, String name, String descriptor) {
        boolean forName = owner.equals("java/lang/Class") && name.equals("forName");
        boolean loadClass =
                name.equals("loadClass")
                        && descriptor.startsWith("(Ljava/lang/String;")
                        && descriptor.endsWith(BY_NAME_RESULT);
        return (forName || loadClass) && descriptor.startsWith("(Ljava/lang/String;");
    }

    private String site() {
        String where = sourceFile == null ? "" : sourceFile + (line < 0 ? "" : ":" + line);
        return where.isEmpty() ? method : method + " (" + where + ")";
    }

    @Override
    public void visitInsn(int opcode) {
        pendingConstant = null;
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        pendingConstant = null;
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        pendingConstant = null;
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        pendingConstant = null;
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        pendingConstant = null;
    }
}
