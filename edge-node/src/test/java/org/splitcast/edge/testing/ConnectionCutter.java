package org.splitcast.edge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of an edge node on the loopback interface, so that a test can drop a
 * terminal's HTTP connection to its edge mid-stream (as a flaky access network would) while the
 * edge itself stays up: terminals read from {@link #uri()}, and {@link #cut()} closes every
 * connection relayed so far, both ways. New connections are relayed as before.
 */
public final class ConnectionCutter implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    /** A relayed connection: the terminal's socket and the one to the edge. */
    private record Relayed(Socket client, Socket upstream) {
        boolean isOpen() {
            return !client.isClosed() && !upstream.isClosed();
        }
    }

    private final List<Relayed> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean closed;

    /** Relays 127.0.0.1:(a free port) to {@code edge}'s host and port. */
    public ConnectionCutter(URI edge) throws IOException {
        this.target = new InetSocketAddress(edge.getHost(), edge.getPort());
        this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "cutter-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Where the terminals connect instead of the edge. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Connections accepted so far (a terminal that reconnected has made at least two). */
    public int accepted() {
        return accepted.get();
    }

    /** Connections relayed now (both of their sockets open). */
    public int openConnections() {
        return (int) open.stream().filter(Relayed::isOpen).count();
    }

    /**
     * Closes every connection relayed so far, on both sides: the terminal sees its stream end
     * abruptly, the edge sees its reader go.
     *
     * @return how many connections were open
     */
    public int cut() {
        int n = 0;
        for (Relayed r : open) {
            // counted before closing: closing one side makes the pipes close the other at once
            if (r.isOpen()) {
                n++;
            }
            closeQuietly(r.client());
            closeQuietly(r.upstream());
            open.remove(r); // only these: a connection accepted meanwhile stays relayed
        }
        return n;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                accepted.incrementAndGet();
                Socket upstream = new Socket();
                try {
                    upstream.connect(target, 5_000);
                } catch (IOException e) {
                    closeQuietly(client);
                    closeQuietly(upstream);
                    continue;
                }
                Relayed relayed = new Relayed(client, upstream);
                open.add(relayed);
                pipe(relayed, client, upstream);
                pipe(relayed, upstream, client);
            } catch (IOException e) {
                if (!closed) {
                    closeQuietly(server);
                }
                return;
            }
        }
    }

    private void pipe(Relayed relayed, Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // cut, or closed by either end
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        open.remove(relayed);
                    }
                },
                "cutter-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        cut();
    }
}
