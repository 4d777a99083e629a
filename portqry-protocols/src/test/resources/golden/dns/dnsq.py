#!/usr/bin/env python3
"""Builds a DNS query (RFC 1035 4.1) with RD clear: id name type -> hex."""
import struct, sys
qid, name, qtype = int(sys.argv[1], 16), sys.argv[2], int(sys.argv[3])
labels = b"".join(bytes([len(l)]) + l.encode() for l in name.strip(".").split(".") if l) + b"\0"
print((struct.pack(">HHHHHH", qid, 0, 1, 0, 0, 0) + labels + struct.pack(">HH", qtype, 1)).hex())
