package dev.portqry.protocols.sqlbrowser.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.Charset;
import java.util.Objects;

/**
 * A client request to the SQL Server Browser (MC-SQLR 2.2.1-2.2.4): CLNT_BCAST_EX (0x02) and
 * CLNT_UCAST_EX (0x03) are one byte and ask for every instance; CLNT_UCAST_INST (0x04) names
 * one instance.
 *
 * @param type the request type byte: 0x02, 0x03 or 0x04
 * @param instance the instance name for CLNT_UCAST_INST, empty otherwise; not null
 */
public record SqlBrowserRequest(int type, String instance) {
    /** CLNT_BCAST_EX: enumerate instances, sent to a broadcast address (MC-SQLR 2.2.1). */
    public static final int CLNT_BCAST_EX = 0x02;
    /** CLNT_UCAST_EX: enumerate instances of one host (MC-SQLR 2.2.2). */
    public static final int CLNT_UCAST_EX = 0x03;
    /** CLNT_UCAST_INST: ask about one named instance (MC-SQLR 2.2.3). */
    public static final int CLNT_UCAST_INST = 0x04;
    /** MC-SQLR 2.2.3: the instance name is at most 32 bytes. */
    public static final int MAX_INSTANCE_BYTES = 32;
    /** The instance names and the response are multi-byte character set strings; Windows-1252 never fails to decode. */
    public static final Charset MBCS = Charset.forName("windows-1252");

    /** Checks the type and instance name. */
    public SqlBrowserRequest {
        Objects.requireNonNull(instance, "instance");
        if (type != CLNT_BCAST_EX && type != CLNT_UCAST_EX && type != CLNT_UCAST_INST) {
            throw new IllegalArgumentException("type must be 0x02, 0x03 or 0x04, was " + type);
        }
        if ((type == CLNT_UCAST_INST) == instance.isEmpty()) {
            throw new IllegalArgumentException("instance must be set for CLNT_UCAST_INST and only for it, was '" + instance + "'");
        }
        if (instance.getBytes(MBCS).length > MAX_INSTANCE_BYTES) {
            throw new IllegalArgumentException("instance must be at most 32 bytes, was " + instance);
        }
    }

    /** @return the instance enumeration PortQry sends to one host */
    public static SqlBrowserRequest enumerate() {
        return new SqlBrowserRequest(CLNT_UCAST_EX, "");
    }

    /**
     * @param name the instance name, 1-32 bytes
     * @return a request about that instance only
     */
    public static SqlBrowserRequest instance(String name) {
        return new SqlBrowserRequest(CLNT_UCAST_INST, name);
    }

    /**
     * @param alloc the allocator, not null
     * @return the request bytes; the caller owns them
     */
    public ByteBuf encode(ByteBufAllocator alloc) {
        ByteBuf out = alloc.buffer(2 + MAX_INSTANCE_BYTES);
        out.writeByte(type);
        if (type == CLNT_UCAST_INST) {
            out.writeBytes(instance.getBytes(MBCS)).writeByte(0);   // null-terminated (MC-SQLR 2.2.3)
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format("SqlBrowserRequest[0x%02x%s]", type, instance.isEmpty() ? "" : " " + instance);
    }
}
