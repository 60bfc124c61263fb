package dev.stillpoint.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small real SMTP server (RFC 5321 over TCP) that refuses for good ({@code 550}) every recipient whose address
 * contains "refused", for the moment ({@code 452}) every one whose address contains "full", and takes every other
 * message: what a relay does with a mailbox that does not exist or is full, which GreenMail cannot do. It can also be
 * slow: {@link #answerDataAfter(Duration)} holds the answer to each message, as a busy relay does.
 */
public final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket server;

    private final List<String> accepted = new CopyOnWriteArrayList<>();

    private final List<Socket> sessions = new CopyOnWriteArrayList<>();

    private volatile Duration dataDelay = Duration.ZERO;

    public RefusingSmtpServer(int port) throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "refusing-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return this.server.getLocalPort();
    }

    /** The recipient of every message taken, in the order taken. */
    public List<String> accepted() {
        return this.accepted;
    }

    /** From now on, answers each message only after {@code delay}. */
    public RefusingSmtpServer answerDataAfter(Duration delay) {
        this.dataDelay = delay;
        return this;
    }

    private void accept() {
        while (!this.server.isClosed()) {
            try {
                Socket socket = this.server.accept();
                this.sessions.add(socket);
                Thread session = new Thread(() -> converse(socket), "refusing-smtp-session");
                session.setDaemon(true);
                session.start();
            }
            catch (IOException ex) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(socket.getOutputStream(), true)) {
            reply(out, "220 refusing-smtp ready");
            String recipient = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 refusing-smtp");
                }
                else if (command.startsWith("RCPT TO:")) {
                    boolean refused = command.contains("REFUSED");
                    boolean full = command.contains("FULL");
                    recipient = (refused || full) ? recipient : line.substring(8).replaceAll("[<>\\s]", "");
                    reply(out, refused ? "550 5.1.1 No such mailbox here"
                            : full ? "452 4.2.2 Mailbox full, try again later" : "250 OK");
                }
                else if (command.equals("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                        // the message itself does not matter here
                    }
                    pause(this.dataDelay);
                    this.accepted.add(recipient);
                    reply(out, "250 OK queued");
                }
                else if (command.equals("QUIT")) {
                    reply(out, "221 Bye");
                    return;
                }
                else {
                    if (command.startsWith("RSET") || command.startsWith("MAIL FROM:")) {
                        recipient = null;
                    }
                    reply(out, "250 OK");
                }
            }
        }
        catch (IOException ex) {
            // the client went away
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis()); // the server's own slowness, not a test waiting
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        this.server.close();
        for (Socket session : this.sessions) {
            session.close(); // kept-open client connections must not outlive the server
        }
    }

}
