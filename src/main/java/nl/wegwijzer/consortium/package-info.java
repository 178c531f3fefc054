/**
 * The consortium check: what a visitor tells about their partnership, read from Dutch text (counts in
 * words and digits, countries with their aliases from {@code content/countries.yml}, durations), and the
 * verdict against the page's rules, worded from {@code content/eligibility.yml}. {@link
 * nl.wegwijzer.consortium.ConsortiumCheck} is what the dialog uses. Depends on no other feature.
 */
@ApplicationModule(allowedDependencies = { "system" })
package nl.wegwijzer.consortium;

import org.springframework.modulith.ApplicationModule;
