/**
 * Cookie consent: the policy shown before the chat (from {@code content/cookies.yml}, versioned by its
 * content) and the append-only proof of every choice a visitor makes. Depends on no other feature.
 */
package nl.wegwijzer.consent;
