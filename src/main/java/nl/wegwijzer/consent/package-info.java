/**
 * Cookie consent: the policy shown before the chat (from {@code content/cookies.yml}, with the categories
 * {@code wegwijzer.consent.categories} offers, versioned by what is shown) and the append-only proof of
 * every choice a visitor makes. Depends on no other feature.
 */
package nl.wegwijzer.consent;
