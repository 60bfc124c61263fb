package dev.stillpoint.embedded.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** A genuine token changed the ways an attacker or a mangling mail client would: one character, cut, grown, recased. */
public final class TokenMutations {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ %";

    private TokenMutations() {
    }

    /** How to change a token: each applied to the genuine one by {@link #apply(Mutation, String)}. */
    public record Mutation(int kind, double where, char with, int times) {
    }

    public static Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.doubles().between(0, 1),
                Arbitraries.of(ALPHABET.toCharArray()), Arbitraries.integers().between(1, 3))
            .as(Mutation::new);
    }

    /** The token, changed; it may by chance be the same (a replacement with the same character), which the caller skips. */
    public static String apply(Mutation mutation, String token) {
        String result = token;
        for (int i = 0; i < mutation.times(); i++) {
            int at = (int) (mutation.where() * result.length() * 0.999);
            result = switch (mutation.kind()) {
                case 0 -> result.substring(0, at) + mutation.with() + result.substring(Math.min(result.length(), at + 1));
                case 1 -> result.substring(0, at) + result.substring(Math.min(result.length(), at + 1));
                case 2 -> result.substring(0, at) + mutation.with() + result.substring(at);
                case 3 -> result.substring(0, at);
                case 4 -> result + mutation.with();
                default -> swapCase(result, at);
            };
        }
        return result;
    }

    private static String swapCase(String token, int at) {
        if (token.isEmpty()) {
            return token;
        }
        char c = token.charAt(at);
        char swapped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
        return token.substring(0, at) + swapped + token.substring(at + 1);
    }

}
