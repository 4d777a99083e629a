/**
 * The probe engine's moving parts: transports, probe runs, name resolution and error
 * classification. Public only so that the engine's classes can share them; not an API, may
 * change in any release.
 */
package dev.portqry.core.internal;
