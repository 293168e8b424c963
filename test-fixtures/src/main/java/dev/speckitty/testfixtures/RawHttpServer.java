package dev.speckitty.testfixtures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A "server" that is not HTTP enough for WireMock to imitate: it reads each request's head and body, records
 * {@code METHOD path}, then writes raw bytes (a garbage status line, a 200 KB header, binary noise, broken chunked
 * encoding) for one path (or for every path: {@link #answeringEvery}) and a plain 404 for any other, and closes the
 * connection. Loopback only. Used by the hosted adapters' response matrix and the CLI-process tests of hostile input.
 */
public final class RawHttpServer implements AutoCloseable {

    private static final byte[] NOT_FOUND =
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket socket;
    private final String hostilePath;
    private final byte[] hostileAnswer;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public RawHttpServer(String hostilePath, byte[] hostileAnswer) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.hostilePath = hostilePath;
        this.hostileAnswer = hostileAnswer;
        Thread.ofVirtual().name("raw-http-server").start(this::acceptAll);
    }

    /** Answers every request, whatever its path, with the same bytes. */
    public static RawHttpServer answeringEvery(byte[] answer) throws IOException {
        return new RawHttpServer(null, answer);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** How many requests {@code method path} received (the query ignored). */
    public long requests(String method, String path) {
        return requests.stream().filter(request -> request.equals(method + " " + path)).count();
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofVirtual().start(() -> answer(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket connection) {
        try (connection) {
            connection.setSoTimeout(5_000);
            InputStream in = connection.getInputStream();
            String head = readHead(in);
            String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
            String path = requestLine[1].replaceAll("\\?.*", "");
            in.readNBytes(contentLength(head));
            requests.add(requestLine[0] + " " + path);
            connection.getOutputStream().write(hostilePath == null || path.equals(hostilePath) ? hostileAnswer : NOT_FOUND);
            connection.getOutputStream().flush();
            connection.shutdownOutput();
            in.readAllBytes(); // until the client closes: no reset that could hide what was written
        } catch (IOException | RuntimeException gone) { // a test server: any broken request just ends the connection
            // the client gave up first
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the end of the head");
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).strip());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
