# socketserver.ForkingTCPServer: each connection is handled in a child process, on its own copy of the memory.
import socket
import socketserver
import threading

hits = 0


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        global hits
        hits += 1  # the child's own copy: every child counts 1, the parent stays 0
        line = self.rfile.readline().strip()
        self.wfile.write(b'%s from a child, hits %d\n' % (line, hits))


def client(i):
    with socket.create_connection(server.server_address) as s:
        s.sendall(b'hello %d\n' % i)
        print(s.makefile().readline().strip())


server = socketserver.ForkingTCPServer(('127.0.0.1', 0), Handler)
clients = [threading.Thread(target=client, args=(i,)) for i in range(3)]
for c in clients:
    c.start()
for _ in clients:
    server.handle_request()
for c in clients:
    c.join()
server.server_close()
print('parent hits', hits)
