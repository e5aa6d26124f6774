# A socketserver.ThreadingTCPServer serving in a thread of its own (serve_forever), eight clients in the same
# program (more than socketserver's listen queue of 5), then shutdown(): each accept and recv waits for the other end, each connection gets a handler thread.
import socket
import socketserver
import threading


class Echo(socketserver.BaseRequestHandler):
    def handle(self):
        data = self.request.recv(1024)
        while data:
            self.request.sendall(data.upper())
            data = self.request.recv(1024)


def client(i):
    with socket.create_connection(server.server_address) as s:
        for word in ('hello', 'bye'):
            s.sendall(b'%s %d' % (word.encode(), i))
            print(s.recv(1024).decode())


server = socketserver.ThreadingTCPServer(('127.0.0.1', 0), Echo)
serving = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.05})
serving.start()
clients = [threading.Thread(target=client, args=(i,)) for i in range(8)]
for c in clients:
    c.start()
for c in clients:
    c.join()
server.shutdown()
server.server_close()
serving.join()
print('served', len(clients), 'clients; still running:', [t.name for t in threading.enumerate()])
