package dev.portqry.ui;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the UI's option builders; each message names the argument. */
final class Checks {
    private Checks() {
    }

    /**
     * @param name the argument's name
     * @param v its value
     * @param min the smallest allowed
     * @param max the largest allowed
     * @return {@code v}
     * @throws IllegalArgumentException "name must be min-max, was v"
     */
    static int inRange(String name, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be " + min + "-" + max + ", was " + v);
        }
        return v;
    }

    /**
     * @param name the argument's name
     * @param d its value
     * @return {@code d}
     * @throws NullPointerException naming it, when null
     * @throws IllegalArgumentException "name must be positive, was d"
     */
    static Duration positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
    }
}
