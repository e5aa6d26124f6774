# A thread blocked in a call the scheduler does not model: nobody ever sends on the socket.
import socket
import threading

a, b = socket.socketpair()


def wait():
    a.recv(1)


t = threading.Thread(target=wait)
t.start()
t.join()
