package com.addonconfigurator;

import com.addonconfigurator.api.RequestBodies;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The api.md example evaluation sent over a raw socket with only the first bytes of its body, so
 * that it is in flight until {@link #finish()} sends the rest and reads the whole answer.
 */
public final class RequestInFlight implements AutoCloseable {
    private final Socket socket;
    private final byte[] body;
    private final int sent;

    private RequestInFlight(Socket socket, byte[] body, int sent) {
        this.socket = socket;
        this.body = body;
        this.sent = sent;
    }

    public static RequestInFlight start(int port, int sentBytes, int timeoutMs) throws IOException {
        byte[] body =
                new ObjectMapper().writeValueAsBytes(RequestBodies.example().json());
        Socket socket = new Socket("127.0.0.1", port);
        try {
            socket.setSoTimeout(timeoutMs);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/evaluate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, sentBytes);
            out.flush();
            return new RequestInFlight(socket, body, sentBytes);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends the rest of the body and returns the whole answer, status line first. */
    public String finish() throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(body, sent, body.length - sent);
        out.flush();
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
