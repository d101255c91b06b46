"""Carries a sandboxed kernel's five Jupyter connections across the network namespace that cuts
it off from the network (sandbox.py, `bwrap --unshare-net`).

The kernel listens on 127.0.0.1 inside its own network namespace, which the grader cannot reach,
and nothing inside can reach the grader's network (localhost included). A folder of Unix sockets
(read-only inside the sandbox) joins the two:

    grader's client -> 127.0.0.1:P (OutsideRelay, in the grader)
                    -> Unix socket FOLDER/P, dialled in advance from inside
                    -> the inside relay -> 127.0.0.1:P inside the namespace (the kernel)

The inside relay (this file run as a script inside the sandbox) keeps one connection per port
dialled out to the grader's Unix socket; when a client arrives the grader sends one byte on it,
and only then does the inside relay connect to the kernel and start copying. So the sandbox can
only ever reach the grader's relay sockets, which lead back to its own kernel.

Student code runs in the sandbox too and can dial the same Unix sockets, hoping to be handed a
client (and so to see the grader's requests). The grader therefore takes dials only from the
process that dialled first (the relay, which starts before the kernel, long before any student
code), by the peer's process id (SO_PEERCRED) and that process's start time, so a later process that is
given the same id (after the relay was killed) is not taken for it; others are hung up on.

Usage inside the sandbox: net_relay.py FOLDER PORT...
"""
import os
import queue
import socket
import struct
import sys
import threading
import time

GO = b"\x01"            # the grader's signal that a client is waiting on this connection
WAIT_FOR_PEER_S = 120   # how long either side waits for the other to come up


def copy(source, target):
    """Copies bytes until either side closes, then closes both (which ends the copy the other way)."""
    try:
        while True:
            data = source.recv(65536)
            if not data:
                break
            target.sendall(data)
    except OSError:
        pass
    finally:
        for end in (source, target):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def join(a, b):
    for source, target in ((a, b), (b, a)):
        threading.Thread(target=copy, args=(source, target), daemon=True).start()


def process_identity(pid):
    """(pid, start time in clock ticks since boot) of a live process, or None: a process id alone can be reused
    by a later process once the first one has died (the relay killed by student code, say)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()   # after "pid (command)": state is field 3
        return pid, int(fields[19])                          # field 22: starttime
    except (OSError, IndexError, ValueError):
        return None


class OutsideRelay:
    """In the grader: listens on 127.0.0.1:P for the client and on FOLDER/P for the sandbox, for each port."""

    def __init__(self, folder, ports):
        self.listeners, self.closed = [], False
        self.relay_identity, self.pinning, self.queues = None, threading.Lock(), []
        for port in ports:
            tcp = socket.create_server(("127.0.0.1", port))
            unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            unix.bind(os.path.join(folder, str(port)))
            unix.listen(16)
            self.listeners += [tcp, unix]
            dialled = queue.Queue()
            self.queues.append(dialled)
            threading.Thread(target=self.accept_inside, args=(unix, dialled), daemon=True).start()
            threading.Thread(target=self.accept_clients, args=(tcp, dialled), daemon=True).start()

    def accept_inside(self, unix, dialled):
        while not self.closed:
            try:
                inside = unix.accept()[0]
            except OSError:
                return
            pid = struct.unpack("3i", inside.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i")))[0]
            dialler = process_identity(pid)
            with self.pinning:
                if self.relay_identity is None and dialler is not None:
                    self.relay_identity = dialler
                from_relay = dialler is not None and dialler == self.relay_identity
            if from_relay:
                dialled.put(inside)
            else:
                inside.close()

    def accept_clients(self, tcp, dialled):
        while not self.closed:
            try:
                client = tcp.accept()[0]
            except OSError:
                return
            threading.Thread(target=self.pair, args=(client, dialled), daemon=True).start()

    @staticmethod
    def pair(client, dialled):
        """Joins the client to a connection the sandbox dialled; a dead one (the kernel restarted) is skipped."""
        deadline = time.monotonic() + WAIT_FOR_PEER_S
        while time.monotonic() < deadline:
            try:
                inside = dialled.get(timeout=max(0.1, deadline - time.monotonic()))
                inside.sendall(GO)
            except queue.Empty:
                break
            except OSError:
                continue
            join(client, inside)
            return
        client.close()

    def close(self):
        self.closed = True
        for listener in self.listeners:
            listener.close()
        for dialled in self.queues:   # dialled, never used
            while not dialled.empty():
                dialled.get_nowait().close()


def dial_kernel(port):
    deadline = time.monotonic() + WAIT_FOR_PEER_S
    while True:
        try:
            return socket.create_connection(("127.0.0.1", port))
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def serve_inside(folder, port):
    """Keeps one connection dialled out to the grader; joins it to the kernel when the grader says GO."""
    while True:
        try:
            outside = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            outside.connect(os.path.join(folder, str(port)))
            if outside.recv(1) != GO:
                outside.close()
                continue
            try:
                join(outside, dial_kernel(port))
            except OSError:
                outside.close()
                raise
        except OSError:
            time.sleep(0.1)   # the grader is gone or the kernel is not up: the sandbox ends soon anyway


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: net_relay.py FOLDER PORT...  (run by sandbox.py inside the sandbox)")
    folder, ports = sys.argv[1], [int(p) for p in sys.argv[2:]]
    threads = [threading.Thread(target=serve_inside, args=(folder, port), daemon=True) for port in ports]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


if __name__ == "__main__":
    main()
