package dev.portqry.protocols.msrpc.internal;

import dev.portqry.core.spi.ResponderResult;
import dev.portqry.protocols.msrpc.EndpointMapperResult;
import dev.portqry.protocols.msrpc.RpcEndpoint;
import dev.portqry.protocols.msrpc.RpcFaultException;
import dev.portqry.protocols.msrpc.RpcStatus;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages through the endpoint map with {@code ept_lookup} (C706 appendix O, MS-RPCE 3.1.1.5.2.1):
 * each call passes the context handle the previous one returned. The list ends when the status
 * says "not registered" (Samba ends with an extra call that returns no entries and
 * {@code 0x16c9a0d6}), when the handle comes back null (Windows ends with status 0 and a null
 * handle), or when a page is empty. Caps on entries and pages keep a misbehaving server from
 * looping forever.
 */
public final class LookupCall implements EpmCall {
    /** Calls after which the dump is reported truncated. */
    public static final int MAX_PAGES = 1000;

    private final int maxEntries;
    private final int pageSize;
    private final List<RpcEndpoint> endpoints = new ArrayList<>();
    private EptHandle handle = EptHandle.NULL;
    private int pages;

    /**
     * @param maxEntries the cap on entries collected, at least 1
     * @param pageSize entries asked for per call, 1-{@value EptLookupRequest#MAX_ENTRIES}
     * @throws IllegalArgumentException naming the argument out of range
     */
    public LookupCall(int maxEntries, int pageSize) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        if (pageSize < 1 || pageSize > EptLookupRequest.MAX_ENTRIES) {
            throw new IllegalArgumentException("pageSize must be 1-" + EptLookupRequest.MAX_ENTRIES + ", was " + pageSize);
        }
        this.maxEntries = maxEntries;
        this.pageSize = pageSize;
    }

    @Override
    public int opnum() {
        return EptLookupRequest.OPNUM;
    }

    @Override
    public String name() {
        return "ept_lookup";
    }

    @Override
    public void writeRequest(ByteBuf out) {
        EptLookupRequest.all(handle, pageSize).writeTo(out);
    }

    @Override
    public ResponderResult onResponse(ByteBuf stub, boolean littleEndian) {
        EptLookupResponse page = EptLookupResponse.decode(stub, littleEndian);
        pages++;
        if (page.status().isNotRegistered()) {
            return done(false);
        }
        if (!page.status().equals(RpcStatus.OK)) {
            throw new RpcFaultException("ept_lookup page " + pages + " failed", page.status());
        }
        RpcDecodeException.expect(page.entries().size() <= pageSize, "ept_lookup returned %d entries, %d were asked for",
                page.entries().size(), pageSize);
        for (EptEntry e : page.entries()) {
            if (endpoints.size() >= maxEntries) {
                return done(true);
            }
            if (e.tower() != null) {
                endpoints.add(e.toEndpoint());
            }
        }
        if (page.handle().isNull() || page.entries().isEmpty()) {
            return done(false);
        }
        if (pages >= MAX_PAGES) {
            return done(true);
        }
        handle = page.handle();
        return null;
    }

    private EndpointMapperResult done(boolean truncated) {
        return new EndpointMapperResult(endpoints, pages, truncated);
    }
}
