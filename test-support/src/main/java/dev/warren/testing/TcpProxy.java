package dev.warren.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 in front of the broker, for failure tests on one connection: {@link
 * #freezeReplies()} stops passing the broker's bytes to the client (publisher confirms stop
 * arriving, the connection stays up), {@link #cutAll()} drops every connection like a network
 * failure, {@link #dropRequests()} throws the client's bytes away (a publish is written and never
 * reaches the broker, so it is never confirmed).
 */
public final class TcpProxy implements AutoCloseable {
    private volatile ServerSocket server;
    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private volatile boolean frozen;
    private volatile boolean dropping;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    private TcpProxy(URI target) throws IOException {
        this.targetHost = target.getHost();
        this.targetPort = target.getPort() > 0 ? target.getPort() : 5672;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = server.getLocalPort();
        startAccepting();
    }

    private void startAccepting() {
        Thread acceptor = new Thread(this::accept, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Like a broker host going away: connections drop and new ones are refused, until {@link
     * #start()}.
     */
    public void stop() throws IOException {
        server.close();
        cutAll();
    }

    /** Accepts connections again on the same port. */
    public void start() throws IOException {
        ServerSocket again = new ServerSocket();
        again.setReuseAddress(true);
        again.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server = again;
        startAccepting();
    }

    public static TcpProxy to(URI broker) throws IOException {
        return new TcpProxy(broker);
    }

    /** The broker URI with the proxy's port in place of the broker's. */
    public URI uri(URI broker) {
        return URI.create(broker.toString().replace(":" + targetPort, ":" + port));
    }

    private void accept() {
        ServerSocket listening = server;
        while (!closed && !listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream, false);
                pump(upstream, client, true);
            } catch (IOException e) {
                if (closed || listening.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromBroker) {
        Thread thread =
                new Thread(
                        () -> {
                            byte[] buffer = new byte[16 * 1024];
                            try (InputStream in = from.getInputStream();
                                    OutputStream out = to.getOutputStream()) {
                                int n;
                                while ((n = in.read(buffer)) >= 0) {
                                    if (fromBroker) {
                                        awaitThaw();
                                    } else if (dropping) {
                                        dropped.addAndGet(n);
                                        continue;
                                    }
                                    out.write(buffer, 0, n);
                                    out.flush();
                                }
                            } catch (IOException | InterruptedException e) {
                                // one side closed: close the other too
                            } finally {
                                closeQuietly(from);
                                closeQuietly(to);
                            }
                        },
                        "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void awaitThaw() throws InterruptedException {
        synchronized (gate) {
            while (frozen) {
                gate.wait();
            }
        }
    }

    /** The broker's bytes stop reaching the client, until {@link #thaw()}. */
    public void freezeReplies() {
        frozen = true;
    }

    public void thaw() {
        synchronized (gate) {
            frozen = false;
            gate.notifyAll();
        }
    }

    /**
     * The client's bytes are thrown away, until {@link #passRequests()}. The connections' byte
     * streams are broken from then on: {@link #cutAll()} them before passing requests again.
     */
    public void dropRequests() {
        dropping = true;
    }

    public void passRequests() {
        dropping = false;
    }

    /** How many of the client's bytes were thrown away so far. */
    public long droppedBytes() {
        return dropped.get();
    }

    /** Drops every proxied connection at once. */
    public void cutAll() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        thaw();
        server.close();
        cutAll();
    }
}
