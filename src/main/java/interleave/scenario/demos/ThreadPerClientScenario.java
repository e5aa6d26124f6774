package interleave.scenario.demos;

import interleave.engine.Queue;
import interleave.engine.Worker;
import interleave.scenario.ParamSpec;
import interleave.scenario.Scenario;
import interleave.scenario.ScenarioContext;
import interleave.scenario.Topic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/*
 * A thread per client (tutorials 000, 004).
 *
 * Teaches: socketserver.ThreadingTCPServer = ThreadingMixIn + TCPServer: the server thread accepts a
 * connection and starts a new thread to handle it (process_request), then goes straight back to accept().
 * A slow client therefore never holds up the others. The "pool" variant hands connections to a fixed number
 * of handler threads instead, so at most that many clients are served at once and the rest wait their turn.
 * Watch: a real ServerSocket on 127.0.0.1 (an ephemeral port). Each client connects, sends a line and waits for
 * the answer; each accept and each read is a scheduling point (non-blocking socket polled with a short virtual
 * sleep), so the timeline shows who waits for the network. Sockets are closed whatever happens.
 * Honest note: the bytes really cross the loopback interface; a run is deterministic as long as loopback
 * delivers at once, which it does on an idle machine.
 */
public final class ThreadPerClientScenario extends Scenario {
    private static final double POLL = 0.001;
    private static final List<ParamSpec> PARAMS = List.of(
            new ParamSpec.IntParam("clients", 5, 1, 100, false),
            new ParamSpec.ChoiceParam("server", "thread-per-client", List.of("thread-per-client", "pool"), false),
            new ParamSpec.IntParam("poolSize", 2, 1, 20, false),
            new ParamSpec.IntParam("workMillis", 300, 0, 10_000, false));

    public ThreadPerClientScenario() {
        super("thread-per-client", Topic.PROCESSES_AND_COROUTINES, PARAMS);
    }

    @Override
    public void main(ScenarioContext ctx) {
        int clients = ctx.intParam("clients");
        boolean perClient = ctx.choiceParam("server").equals("thread-per-client");
        double work = ctx.intParam("workMillis") / 1000.0;
        Set<String> handlers = ctx.keep("handlers", ConcurrentHashMap.newKeySet());
        AtomicInteger served = ctx.keep("served", new AtomicInteger());
        AtomicInteger answered = ctx.keep("answered", new AtomicInteger());
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            server.configureBlocking(false);
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            // the pool variant's queue, as the program names it (the other has none); an empty Optional stands
            // for its (None, None)
            Queue<Optional<SocketChannel>> connections = perClient ? null : ctx.queue("connections", 0);
            List<Worker> pool = new ArrayList<>();
            if (!perClient) {
                for (int i = 0; i < ctx.intParam("poolSize"); i++) {
                    pool.add(ctx.thread("handler-" + i, () -> {
                        while (true) {
                            Optional<SocketChannel> c = connections.get();
                            if (c.isEmpty()) {
                                return;
                            }
                            handle(ctx, c.get(), work, handlers, served);
                        }
                    }));
                }
                pool.forEach(Worker::start);
            }
            List<Worker> clientThreads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int id = i;
                clientThreads.add(ctx.thread("client-" + i, () -> client(ctx, port, id, answered)));
            }
            clientThreads.forEach(Worker::start);
            List<Worker> spawned = new ArrayList<>();
            int accepted = 0;
            while (accepted < clients) {
                ctx.line("accept");
                ctx.step(); // accept() is a scheduling point
                SocketChannel c = server.accept();
                if (c == null) {
                    ctx.sleep(POLL); // nobody waiting yet: let the clients run
                    continue;
                }
                accepted++;
                c.configureBlocking(false);
                if (perClient) {
                    ctx.line("spawn");
                    Worker h = ctx.thread("handler-" + accepted, () -> handle(ctx, c, work, handlers, served));
                    spawned.add(h);
                    h.start(); // ThreadingMixIn.process_request: a new thread, then back to accept()
                } else {
                    connections.put(Optional.of(c)); // PoolServer.process_request: a free handler takes it
                }
            }
            clientThreads.forEach(Worker::join);
            spawned.forEach(Worker::join);
            for (int i = 0; i < pool.size(); i++) {
                connections.put(Optional.empty()); // one stop marker per pool handler
            }
            pool.forEach(Worker::join);
        } catch (IOException e) {
            throw new UncheckedIOException("the server socket failed: " + e.getMessage(), e);
        }
    }

    private static void handle(ScenarioContext ctx, SocketChannel c, double work, Set<String> handlers,
                               AtomicInteger served) {
        try (c) {
            handlers.add(ctx.currentThreadName());
            String line = readLine(ctx, c, "read");
            ctx.line("serve");
            ctx.sleep(work); // the request takes a while to serve
            c.write(StandardCharsets.UTF_8.encode("echo " + line + "\n"));
            served.incrementAndGet();
        } catch (IOException e) {
            ctx.print("handler failed: " + e.getMessage());
        }
    }

    private static void client(ScenarioContext ctx, int port, int id, AtomicInteger answered) {
        try (SocketChannel s = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
            s.configureBlocking(false);
            s.write(StandardCharsets.UTF_8.encode("hello " + id + "\n"));
            String reply = readLine(ctx, s, "reply");
            ctx.print(ctx.currentThreadName() + " got: " + reply);
            answered.incrementAndGet();
        } catch (IOException e) {
            ctx.print(ctx.currentThreadName() + " failed: " + e.getMessage());
        }
    }

    /**
     * Reads one line; each read attempt is a scheduling point (on the program's line tagged {@code tag}), and an
     * empty read waits a virtual moment.
     */
    private static String readLine(ScenarioContext ctx, SocketChannel c, String tag) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(256);
        StringBuilder sb = new StringBuilder();
        while (true) {
            ctx.line(tag);
            ctx.step();
            buf.clear();
            int n = c.read(buf);
            if (n < 0) {
                return sb.toString();
            }
            if (n == 0) {
                ctx.sleep(POLL);
                continue;
            }
            buf.flip();
            sb.append(StandardCharsets.UTF_8.decode(buf));
            int nl = sb.indexOf("\n");
            if (nl >= 0) {
                return sb.substring(0, nl);
            }
        }
    }

    @Override
    public Map<String, Object> result(ScenarioContext ctx) {
        Set<String> handlers = ctx.kept("handlers");
        AtomicInteger served = ctx.kept("served");
        AtomicInteger answered = ctx.kept("answered");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("served", served == null ? 0 : served.get());
        out.put("clients", ctx.intParam("clients"));
        out.put("answered", answered == null ? 0 : answered.get());
        out.put("handlerThreads", handlers == null ? 0 : handlers.size());
        return out;
    }
}
