package dev.warren.internal.codec;

import dev.warren.WarrenException;

/**
 * A value could not be encoded or a body could not be decoded: an unregistered class, an unknown
 * class id, or bytes that are not a Kryo stream of registered types.
 */
public class CodecException extends WarrenException {
    private static final long serialVersionUID = 1L;

    private final boolean unregisteredClass;

    public CodecException(String message, boolean unregisteredClass, Throwable cause) {
        super(message, cause);
        this.unregisteredClass = unregisteredClass;
    }

    /** True when the cause is a class (or class id) missing from the registrations. */
    public boolean isUnregisteredClass() {
        return unregisteredClass;
    }
}
