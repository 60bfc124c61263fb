package dev.stillpoint.mail;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMTP sockets send each write at once: an email's final dot never waits for the server's delayed ACK. */
class NoDelaySocketsTests {

    @Test
    void everySocketItMakesHasNagleOff() throws Exception {
        NoDelaySockets sockets = new NoDelaySockets();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket unconnected = sockets.createSocket();
                Socket connected = sockets.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket byName = sockets.createSocket("localhost", server.getLocalPort())) {
            assertThat(unconnected.getTcpNoDelay()).isTrue();
            assertThat(connected.getTcpNoDelay()).isTrue();
            assertThat(byName.getTcpNoDelay()).isTrue();
        }
    }

}
