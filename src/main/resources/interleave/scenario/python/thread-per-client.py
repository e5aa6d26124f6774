import socket, threading, time
WORK = 0.3                         # seconds to serve one request

def handle(conn):
    with conn:
        line = conn.makefile().readline()   # @read read the request
        time.sleep(WORK)                    # @serve serve it, slowly
        conn.sendall(b'echo ' + line.encode())

server = socket.create_server(('127.0.0.1', 0))
while True:                        # what socketserver.ThreadingTCPServer.serve_forever() does
    conn, address = server.accept()         # @accept wait for the next client
    threading.Thread(target=handle, args=(conn,)).start()   # @spawn a new thread, then straight back to accept()
