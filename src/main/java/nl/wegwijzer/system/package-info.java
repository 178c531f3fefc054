/** Cross-cutting configuration: the clock, caches, web and security headers. */
package nl.wegwijzer.system;
