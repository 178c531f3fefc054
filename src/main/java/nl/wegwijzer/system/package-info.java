/**
 * Cross-cutting configuration: the clock, caches, web and security headers, the refusal of malformed
 * {@code Origin} headers, and the generated credentials of the H2 file database.
 */
@ApplicationModule(allowedDependencies = {})
package nl.wegwijzer.system;

import org.springframework.modulith.ApplicationModule;
