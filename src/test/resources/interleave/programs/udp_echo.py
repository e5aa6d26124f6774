# A UDP server and its clients in one program (socketserver's ThreadingUDPServer): each datagram a client sends
# wakes the server, each answer wakes its client, and the scheduler decides every switch, as for TCP.
import socket
import socketserver
import threading


class Reverse(socketserver.BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        sock.sendto(data[::-1], self.client_address)


server = socketserver.ThreadingUDPServer(("127.0.0.1", 0), Reverse)
threading.Thread(target=server.serve_forever, daemon=True).start()
for word in (b"abc", b"stressed"):
    client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    client.sendto(word, server.server_address)
    answer, _ = client.recvfrom(100)
    print(word.decode(), "->", answer.decode())
    client.close()
server.shutdown()
server.server_close()
print("done")
