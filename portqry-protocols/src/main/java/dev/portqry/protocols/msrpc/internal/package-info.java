/**
 * DCE/RPC wire codecs behind the endpoint-mapper responder: connection-oriented PDUs (C706
 * chapter 12.6, MS-RPCE 2.2.2), connectionless PDUs (C706 chapter 12.5), NDR primitives (C706
 * chapter 14), protocol towers (C706 appendix L) and the {@code ept_lookup}/{@code ept_map}
 * stubs. Public so tests and tools can use it, but NOT a stable API: anything here may change
 * without notice; use {@link dev.portqry.protocols.msrpc} instead.
 */
package dev.portqry.protocols.msrpc.internal;
