# Captures real endpoint-mapper PDUs from Samba for golden vectors (run inside the netns).
import socket, struct, uuid, sys, os
OUT = sys.argv[1]
def u(s): return uuid.UUID(s).bytes_le
EPM = u('e1af8308-5d1f-11c9-91a4-08002b14a0fa'); NDR = u('8a885d04-1ceb-11c9-9fe8-08002b104860')
DRS = u('e3514235-4b06-11d1-ab04-00c04fc2dcd2')
def hdr(ptype, flags, body, call_id):
    return struct.pack('<BBBB4sHHI', 5, 0, ptype, flags, b'\x10\0\0\0', 16 + len(body), 0, call_id) + body
def bind(call_id):
    body = struct.pack('<HHI', 4280, 4280, 0) + struct.pack('<BBH', 1, 0, 0)
    body += struct.pack('<HBB', 0, 1, 0) + EPM + struct.pack('<HH', 3, 0) + NDR + struct.pack('<I', 2)
    return hdr(11, 3, body, call_id)
def request(call_id, opnum, stub):
    return hdr(0, 3, struct.pack('<IHH', len(stub), 0, opnum) + stub, call_id)
def lookup_stub(handle, max_ents):
    return struct.pack('<IIII', 0, 0, 0, 1) + handle + struct.pack('<I', max_ents)
def map_stub():
    floors = [ (b'\x0d' + DRS + struct.pack('<H', 4), struct.pack('<H', 0)),
               (b'\x0d' + NDR + struct.pack('<H', 2), struct.pack('<H', 0)),
               (b'\x0b', struct.pack('<H', 0)), (b'\x07', b'\0\0'), (b'\x09', b'\0\0\0\0') ]
    t = struct.pack('<H', len(floors)) + b''.join(struct.pack('<H', len(l)) + l + struct.pack('<H', len(r)) + r for l, r in floors)
    s = struct.pack('<I', 1) + b'\0' * 16 + struct.pack('<III', 2, len(t), len(t)) + t
    s += b'\0' * ((4 - len(s) % 4) % 4)
    return s + b'\0' * 20 + struct.pack('<I', 4)
def recv_pdu(s):
    h = b''
    while len(h) < 16: h += s.recv(16 - len(h))
    n = struct.unpack_from('<H', h, 8)[0]
    b = h
    while len(b) < n: b += s.recv(n - len(b))
    return b
def save(name, data):
    open(os.path.join(OUT, name + '.hex'), 'w').write(data.hex() + '\n')
def response(s, prefix):
    frags = []
    while True:
        p = recv_pdu(s); frags.append(p)
        save('%s_frag%d' % (prefix, len(frags)), p)
        if p[3] & 2: return frags
def stub_of(frags): return b''.join(f[24:] for f in frags)
s = socket.create_connection(('127.0.0.1', 135))
b = bind(1); save('bind_request', b); s.sendall(b)
save('bind_ack', recv_pdu(s))
handle = b'\0' * 20; call = 2; page = 0
while True:
    page += 1
    r = request(call, 2, lookup_stub(handle, 500)); save('lookup%d_request' % page, r); s.sendall(r)
    st = stub_of(response(s, 'lookup%d_response' % page))
    handle = st[:20]; n = struct.unpack_from('<I', st, 20)[0]; status = struct.unpack_from('<I', st, len(st) - 4)[0]
    print('page', page, 'entries', n, 'status %08x' % status, 'handle', handle.hex()); call += 1
    if n == 0 or status != 0 or handle == b'\0' * 20: break
r = request(call, 3, map_stub()); save('map_drsuapi_request', r); s.sendall(r)
st = stub_of(response(s, 'map_drsuapi_response'))
print('map status %08x' % struct.unpack_from('<I', st, len(st) - 4)[0])
s.close()
# A small-page run: max_ents 20 pages through the list.
s = socket.create_connection(('127.0.0.1', 135)); s.sendall(bind(1)); recv_pdu(s)
handle = b'\0' * 20; call = 2; page = 0
while True:
    page += 1
    s.sendall(request(call, 2, lookup_stub(handle, 20)))
    st = stub_of(response(s, 'paged20_%d_response' % page))
    handle = st[:20]; n = struct.unpack_from('<I', st, 20)[0]; status = struct.unpack_from('<I', st, len(st) - 4)[0]
    print('paged', page, 'entries', n, 'status %08x' % status); call += 1
    if n == 0 or status != 0 or handle == b'\0' * 20: break
# A bind for an interface the server does not know: bind_ack with a rejected context (or bind_nak).
s = socket.create_connection(('127.0.0.1', 135))
body = struct.pack('<HHI', 4280, 4280, 0) + struct.pack('<BBH', 1, 0, 0) + struct.pack('<HBB', 0, 1, 0) + u('11111111-2222-3333-4444-555555555555') + struct.pack('<HH', 1, 0) + NDR + struct.pack('<I', 2)
s.sendall(hdr(11, 3, body, 1)); save('bind_unknown_interface_reply', recv_pdu(s))
# A bind with an unsupported protocol minor version: Samba answers bind_nak.
bad = bytearray(bind(1)); bad[1] = 9
s2 = socket.create_connection(('127.0.0.1', 135)); s2.sendall(bytes(bad))
try: save('bind_bad_version_reply', recv_pdu(s2))
except Exception as e: print('bad version:', e)
# An unknown opnum on a bound connection: fault.
s3 = socket.create_connection(('127.0.0.1', 135)); s3.sendall(bind(1)); recv_pdu(s3)
s3.sendall(request(2, 77, b'\0' * 8)); save('fault_bad_opnum', recv_pdu(s3))
