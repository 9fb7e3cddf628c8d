package org.helpdesk.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One API request sent from a client address of the test's choosing, for tests that need several
 * clients (the sign-in throttle counts per address). Linux answers the whole of 127.0.0.0/8 on the
 * loopback interface, so a socket bound to 127.0.21.5 reaches the test server on 127.0.0.1 and the
 * server sees 127.0.21.5 as the client. Sent as HTTP/1.0 with Connection: close, so the answer is
 * simply read until the server closes.
 */
public final class FromAddress {

    private FromAddress() {}

    /** The status, headers (names in lower case) and body of one answer. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /** GET {@code path} as JSON with HTTP Basic credentials, from {@code localAddress}. */
    public static Answer getWithBasic(String localAddress, String path, String username, String password)
            throws IOException {
        URI server = URI.create(HelpdeskClient.baseUrl());
        String credentials =
                Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 10_000);
            socket.setSoTimeout(60_000);
            String head = "GET " + path + " HTTP/1.0\r\nHost: " + server.getHost() + ":" + server.getPort()
                    + "\r\nAccept: application/json\r\nAuthorization: Basic " + credentials
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int endOfHead = text.indexOf("\r\n\r\n");
        if (endOfHead < 0) {
            throw new AssertionError("No HTTP answer: " + text);
        }
        String[] lines = text.substring(0, endOfHead).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        return new Answer(status, headers, text.substring(endOfHead + 4));
    }
}
