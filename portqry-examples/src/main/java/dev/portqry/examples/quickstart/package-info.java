/**
 * The library in five minutes: {@link dev.portqry.examples.quickstart.QuickStart} probes one
 * port, scans a few, and reads a typed LDAP rootDSE and an endpoint-mapper dump.
 */
package dev.portqry.examples.quickstart;
