import queue, socket, socketserver, threading, time

CLIENTS = 5                        # @=clients the "clients" parameter
SERVER = 'thread-per-client'       # @=server 'thread-per-client' (ThreadingTCPServer) or 'pool'
POOL_SIZE = 2                      # @=poolSize handler threads of the 'pool' server
WORK_MILLIS = 300                  # @=workMillis how long serving one request takes

class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        line = self.rfile.readline().decode().strip()   # @read wait for the client's line
        time.sleep(WORK_MILLIS / 1000)                  # @serve serving takes a while
        self.wfile.write(b'echo ' + line.encode() + b'\n')

class PoolServer(socketserver.TCPServer):
    """The 'pool' server: a fixed number of handler threads take the connections from a queue."""
    def process_request(self, request, client_address):
        connections.put((request, client_address))      # a free handler takes it; the rest wait their turn

def pool_handler():
    while True:
        request, address = connections.get()
        if request is None:
            return
        server.finish_request(request, address)
        server.shutdown_request(request)

def client(i):
    with socket.create_connection(server.server_address) as s:
        s.sendall(b'hello %d\n' % i)
        print(threading.current_thread().name, 'got:', s.makefile().readline().strip())  # @reply wait for the echo

if SERVER == 'thread-per-client':
    # ThreadingMixIn.process_request starts a new thread per connection, then goes straight back to accept()
    server = socketserver.ThreadingTCPServer(('127.0.0.1', 0), Handler)   # @spawn
else:
    server = PoolServer(('127.0.0.1', 0), Handler)
    connections = queue.Queue()
    pool = [threading.Thread(target=pool_handler, name='handler-%d' % i) for i in range(POOL_SIZE)]
    for t in pool: t.start()
clients = [threading.Thread(target=client, args=(i,), name='client-%d' % i) for i in range(CLIENTS)]
for c in clients: c.start()
for _ in range(CLIENTS):
    server.handle_request()        # @accept wait for the next client, then hand the connection on
for c in clients: c.join()
if SERVER == 'pool':
    for t in pool: connections.put((None, None))
    for t in pool: t.join()
server.server_close()              # closes the socket, and waits for the handler threads
