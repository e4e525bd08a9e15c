package dev.warren.it.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP requests written by hand, for what Java's HTTP client refuses to send: a Host header of
 * another name (as a page under DNS rebinding makes the browser send), or none at all.
 */
final class RawHttp {
    private RawHttp() {}

    /** The status line and body of one request; {@code host} null sends no Host header. */
    record Response(int status, String body) {}

    static Response send(int port, String method, String path, String host, String... headers)
            throws IOException {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        if (host != null) {
            request.append("Host: ").append(host).append("\r\n");
        }
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.split(" ", 3)[1]);
            int bodyAt = response.indexOf("\r\n\r\n");
            return new Response(status, bodyAt < 0 ? "" : response.substring(bodyAt + 4));
        }
    }
}
