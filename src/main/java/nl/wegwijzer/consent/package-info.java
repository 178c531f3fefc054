/**
 * Cookie consent: the policy shown before the chat (from {@code content/cookies.yml}, with the categories
 * {@code wegwijzer.consent.categories} offers, versioned by what is shown) and the append-only proof of
 * every choice a visitor makes, each record chained by hash to the one before ({@link
 * nl.wegwijzer.consent.ConsentChain}) and checked by {@code verify-consents}. Depends on no other feature.
 */
@ApplicationModule(allowedDependencies = {})
package nl.wegwijzer.consent;

import org.springframework.modulith.ApplicationModule;
