package dev.warren.internal.ship;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The class loader of one verified bundle. Parent first, the parent being the worker's own loader:
 * the JDK, Warren and the worker's libraries are the worker's, shared by every bundle, so a task is
 * the very {@code dev.warren.Task} the worker runs, and shipped bytes can never stand in for a
 * class the worker has (child first would let a bundle carry its own copy of a Warren or
 * JDK-adjacent class, which then is not the worker's type and could replace its behaviour). Only
 * what the worker lacks comes from the bundle, defined from its verified bytes.
 *
 * <pre>{@code
 * ClassLoader loader = new BundleClassLoader(seal.open(sent), Worker.class.getClassLoader());
 * Class<?> task = loader.loadClass(bundle.taskClass());
 * }</pre>
 */
public final class BundleClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final VerifiedBundle verified;

    public BundleClassLoader(VerifiedBundle verified, ClassLoader parent) {
        super("warren-bundle-" + verified.hash().substring(0, 12), parent);
        this.verified = verified;
    }

    public String hash() {
        return verified.hash();
    }

    public String taskClass() {
        return verified.bundle().taskClass();
    }

    /** Whether the bundle holds the class {@code binaryName}: a task class of it, say. */
    public boolean holdsClass(String binaryName) {
        return verified.bundle().holdsClass(binaryName);
    }

    /** The bundle as it was signed and verified, to be put on the broker again as it is. */
    public SignedBundle signed() {
        return verified.signed();
    }

    /**
     * The explicit Kryo ids the producer gave the shipped classes, by binary name.
     *
     * @throws BundleRejectedException when the entry that holds them is malformed
     */
    public java.util.SortedMap<String, Integer> kryoIds() {
        return verified.bundle().kryoIds();
    }

    /**
     * The loader of {@code type}'s bundle, when the class was defined from a shipped bundle; empty
     * for the worker's and the producer's own classes.
     */
    public static java.util.Optional<BundleClassLoader> of(Class<?> type) {
        return type.getClassLoader() instanceof BundleClassLoader loader
                ? java.util.Optional.of(loader)
                : java.util.Optional.empty();
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = verified.bundle().classFile(name);
        if (bytes == null) {
            throw new ClassNotFoundException(
                    "class "
                            + name
                            + " is neither on this worker's class path nor in the code shipped for "
                            + taskClass()
                            + " (bundle "
                            + verified.hash().substring(0, 12)
                            + "): the dependency walk could not see it (a class loaded by name?);"
                            + " add it on the producer with ShipOptions.include("
                            + name
                            + ".class)");
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    protected URL findResource(String name) {
        byte[] bytes = verified.bundle().entries().get(name);
        if (bytes == null || name.endsWith(".class")) {
            return null;
        }
        try {
            return new URL(
                    "warren-bundle",
                    null,
                    -1,
                    "/" + verified.hash() + "/" + name,
                    new BytesHandler(bytes));
        } catch (MalformedURLException e) {
            return null;
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null
                ? Collections.emptyEnumeration()
                : Collections.enumeration(java.util.List.of(url));
    }

    /** Serves one resource's verified bytes. */
    private static final class BytesHandler extends URLStreamHandler {
        private final byte[] bytes;

        BytesHandler(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        protected URLConnection openConnection(URL url) {
            return new URLConnection(url) {
                @Override
                public void connect() {}

                @Override
                public InputStream getInputStream() {
                    return new ByteArrayInputStream(bytes);
                }

                @Override
                public int getContentLength() {
                    return bytes.length;
                }
            };
        }
    }
}
