/**
 * Cross-cutting configuration: the clock, caches, web and security headers, the refusal of malformed
 * {@code Origin} headers, and the generated credentials of the H2 file database.
 */
package nl.wegwijzer.system;
