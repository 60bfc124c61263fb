package dev.stillpoint.localinfra;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browsable inbox for the local SMTP server: {@code /} lists every email received, {@code /messages/N} shows one
 * (HTML and text parts, attachments), {@code /messages/N.eml} is its source, {@code GET /api/messages} returns them
 * all as JSON and {@code DELETE /api/messages} empties the inbox.
 */
final class Inbox implements AutoCloseable {

    private final GreenMail smtp;

    private final HttpServer server;

    private final JsonMapper json = JsonMapper.builder().build();

    private Inbox(GreenMail smtp, HttpServer server) {
        this.smtp = smtp;
        this.server = server;
    }

    static Inbox start(GreenMail smtp, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        Inbox inbox = new Inbox(smtp, server);
        server.createContext("/", inbox::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        return inbox;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        try {
            if (path.equals("/api/messages") && method.equals("DELETE")) {
                this.smtp.purgeEmailFromAllMailboxes();
                respond(exchange, 204, "application/json", "");
            }
            else if (path.equals("/api/messages")) {
                respond(exchange, 200, "application/json", this.json.writeValueAsString(messages()));
            }
            else if (path.matches("/messages/\\d+\\.eml")) {
                MimeMessage message = raw(Integer.parseInt(path.replaceAll("\\D", "")));
                java.io.ByteArrayOutputStream source = new java.io.ByteArrayOutputStream();
                message.writeTo(source);
                respond(exchange, 200, "message/rfc822", source.toString(StandardCharsets.UTF_8));
            }
            else if (path.matches("/messages/\\d+")) {
                int id = Integer.parseInt(path.substring("/messages/".length()));
                respond(exchange, 200, "text/html; charset=UTF-8", InboxPages.message(InboxMessage.of(id, raw(id))));
            }
            else if (path.equals("/")) {
                respond(exchange, 200, "text/html; charset=UTF-8", InboxPages.list(messages()));
            }
            else {
                respond(exchange, 404, "text/plain", "Not found");
            }
        }
        catch (IndexOutOfBoundsException ex) {
            respond(exchange, 404, "text/plain", "No such message");
        }
        catch (Exception ex) {
            respond(exchange, 500, "text/plain", ex.toString());
        }
    }

    private List<InboxMessage> messages() {
        MimeMessage[] received = this.smtp.getReceivedMessages();
        List<InboxMessage> messages = new ArrayList<>();
        for (int i = received.length - 1; i >= 0; i--) {
            messages.add(InboxMessage.of(i, received[i]));
        }
        return messages;
    }

    private MimeMessage raw(int id) {
        return this.smtp.getReceivedMessages()[id];
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, (status == 204) ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        this.server.stop(0);
    }

}
