package org.districtledger.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in for an OpenTelemetry collector: takes what the services export over OTLP/HTTP (protobuf) and keeps the
 * newest requests' bodies (the oldest go beyond 64 MB), so that a test can tell which service exported a span of a
 * given trace. It does not decode protobuf: a trace id is its 16 bytes in the body, a service its name's bytes.
 */
final class OtlpStandIn implements AutoCloseable {

    private static final long KEPT_BYTES = 64L << 20;

    private final HttpServer server;
    private final Deque<byte[]> bodies = new ArrayDeque<>();
    private long kept;
    private long requests;

    OtlpStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::export);
        server.start();
    }

    /** The endpoint to name in LEDGER_OTLP_ENDPOINT (with the http/protobuf protocol). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange) {
            InputStream in = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                in = new GZIPInputStream(in);
            }
            byte[] body = in.readAllBytes();
            synchronized (this) {
                bodies.addLast(body);
                kept += body.length;
                requests++;
                while (kept > KEPT_BYTES && bodies.size() > 1) {
                    kept -= bodies.removeFirst().length;
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    synchronized long requests() {
        return requests;
    }

    /** Whether the service of this name exported a span of this trace (a hex trace id). */
    synchronized boolean exported(String service, String traceId) {
        byte[] trace = HexFormat.of().parseHex(traceId);
        byte[] name = service.getBytes(StandardCharsets.UTF_8);
        return bodies.stream().anyMatch(body -> contains(body, trace) && contains(body, name));
    }

    private static boolean contains(byte[] body, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= body.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
