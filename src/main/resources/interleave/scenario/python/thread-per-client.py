import socketserver, time

class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        line = self.rfile.readline()      # see below

# serve_forever() loops over:
#     request, address = self.socket.accept()          # wait for the next client
# ThreadingMixIn.process_request(request, address):
#     t = threading.Thread(target=self.process_request_thread, args=(request, address)); t.start()
# and the handler thread does:
#     line = self.rfile.readline()                     # read the request
#     time.sleep(WORK); self.wfile.write(b'echo ' + line)  # serve it, slowly
#
server = socketserver.ThreadingTCPServer(('127.0.0.1', 0), Handler)   # server=pool: a fixed set of handlers
server.serve_forever()
