#!/usr/bin/env python3
"""Builds the SVR_RESP golden vectors from [MC-SQLR] 2.2.5, one commented field per line."""
def build(fname, title, instances, query="03"):
    lines = ["# " + title,
             "# Built by hand from [MC-SQLR] 2.2.5 SVR_RESP (no SQL Server exists on these machines): one field per line.",
             "# query: " + query]
    body = []
    for inst in instances:
        for k, v in inst:
            for tok, what in ((k, "key"), (v, "value")):
                body.append(((tok + ";").encode("cp1252"), f"{what} '{tok}' + ';'"))
        body.append((b";", "';' ends the instance (an empty key)"))
    size = sum(len(b) for b, _ in body)
    lines.append("05            # SVR_RESP (0x05)")
    lines.append(f"{size & 0xff:02x}{size >> 8:02x}          # RESP_SIZE = {size} bytes, little-endian")
    lines += [f"{b.hex():<40} # {what}" for b, what in body]
    open(fname, "w").write("\n".join(lines) + "\n")

build("mcsqlr-one-instance.hex", "SVR_RESP to CLNT_UCAST_EX (0x03): one default instance",
      [[("ServerName", "SQL1"), ("InstanceName", "MSSQLSERVER"), ("IsClustered", "No"), ("Version", "15.0.2000.5"),
        ("tcp", "1433"), ("np", r"\\SQL1\pipe\sql\query")]])
build("mcsqlr-two-instances.hex", "SVR_RESP to CLNT_UCAST_EX (0x03): a default and a named clustered instance with extra keys",
      [[("ServerName", "SQL1"), ("InstanceName", "MSSQLSERVER"), ("IsClustered", "No"), ("Version", "15.0.2000.5"),
        ("tcp", "1433"), ("np", r"\\SQL1\pipe\sql\query")],
       [("ServerName", "SQL1"), ("InstanceName", "REPORTS"), ("IsClustered", "Yes"), ("Version", "16.0.1000.6"),
        ("tcp", "49733"), ("np", r"\\SQL1\pipe\MSSQL$REPORTS\sql\query"), ("via", "SQL1,0:1433"), ("rpc", "SQL1")]])
