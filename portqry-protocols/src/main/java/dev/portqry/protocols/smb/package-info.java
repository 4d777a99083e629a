/**
 * SMB probe (MS-SMB2, RFC 1002): {@link dev.portqry.protocols.smb.SmbResponder} sends an SMB2
 * NEGOTIATE to TCP 445, or to 139 after a NetBIOS session request, and reports dialect, signing
 * policy, server GUID, capabilities, server time and 3.1.1 negotiate contexts in an
 * {@link dev.portqry.protocols.smb.SmbResult}; an SMB1 answer is reported as an SMB1-only server.
 */
package dev.portqry.protocols.smb;
