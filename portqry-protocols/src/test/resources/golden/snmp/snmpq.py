#!/usr/bin/env python3
"""Builds an SNMP GetRequest (RFC 1157 / RFC 3416, BER definite lengths): version community reqid oid... -> hex."""
import sys
def tlv(tag, body):
    n = len(body)
    ln = bytes([n]) if n < 128 else (bytes([0x81, n]) if n < 256 else bytes([0x82, n >> 8, n & 255]))
    return bytes([tag]) + ln + body
def integer(v):
    b = v.to_bytes(max(1, (v.bit_length() + 8) // 8), "big", signed=True)
    return tlv(0x02, b)
def oid(s):
    p = [int(x) for x in s.strip(".").split(".")]
    out = bytes([40 * p[0] + p[1]])
    for x in p[2:]:
        enc = [x & 0x7f]; x >>= 7
        while x: enc.insert(0, 0x80 | (x & 0x7f)); x >>= 7
        out += bytes(enc)
    return tlv(0x06, out)
ver, comm, rid = int(sys.argv[1]), sys.argv[2].encode(), int(sys.argv[3])
vbs = b"".join(tlv(0x30, oid(o) + b"\x05\x00") for o in sys.argv[4:])
pdu = tlv(0xA0, integer(rid) + integer(0) + integer(0) + tlv(0x30, vbs))
print(tlv(0x30, integer(ver) + tlv(0x04, comm) + pdu).hex())
