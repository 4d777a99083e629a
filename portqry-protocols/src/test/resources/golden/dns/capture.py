#!/usr/bin/env python3
"""Sends one hand-built query (hex) to HOST:PORT over udp or tcp and prints the reply as hex."""
import socket, struct, sys
proto, host, port, qhex = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
q = bytes.fromhex(qhex)
if proto == "udp":
    s = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(2)
    s.sendto(q, (host, port))
    print(s.recvfrom(65535)[0].hex())
else:
    s = socket.create_connection((host, port), timeout=2)
    s.sendall(struct.pack(">H", len(q)) + q)
    data = b""
    while len(data) < 2 or len(data) < 2 + struct.unpack(">H", data[:2])[0]:
        chunk = s.recv(65535)
        if not chunk: break
        data += chunk
    print(data.hex())
