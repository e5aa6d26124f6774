# A server on select.select (no socketserver): one thread serves three clients, waiting for whichever is ready.
import select, socket, threading
srv = socket.create_server(('127.0.0.1', 0))
def client(i):
    with socket.create_connection(srv.getsockname()) as s:
        s.sendall(b'hi %d' % i)
        print(s.recv(100).decode())
ts = [threading.Thread(target=client, args=(i,)) for i in range(3)]
for t in ts: t.start()
conns, served = [], 0
while served < 3:
    r, _, _ = select.select([srv] + conns, [], [], 5)
    for s in r:
        if s is srv:
            c, _ = srv.accept(); conns.append(c)
        else:
            data = s.recv(100)
            if data:
                s.sendall(data.upper()); served += 1
            conns.remove(s); s.close() if not data else None
for t in ts: t.join()
print('served', served)
