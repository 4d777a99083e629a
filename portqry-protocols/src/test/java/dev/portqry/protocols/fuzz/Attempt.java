package dev.portqry.protocols.fuzz;

import java.util.Random;

/**
 * One input of a fuzz run as it is being tried: which seed it came from, the mutations applied,
 * the bytes actually fed, and when it started, so that a hang or a failure can be reported with
 * everything needed to replay it. Written by the fuzzing thread, read by the watchdog.
 */
final class Attempt {
    private final int index;
    private final int seedIndex;
    private final Random random;
    private final StringBuffer mutations = new StringBuffer();
    private volatile byte[] input;
    private volatile CharSequence extra;
    private volatile long startNanos;

    Attempt(int index, int seedIndex, Random random) {
        this.index = index;
        this.seedIndex = seedIndex;
        this.random = random;
    }

    /** @return the input's number in the run, from 0 */
    int index() {
        return index;
    }

    /** @return the index of the seed it was built from */
    int seedIndex() {
        return seedIndex;
    }

    /** @return the run's random generator, for trials that choose more (chunk sizes, datagram counts) */
    Random random() {
        return random;
    }

    /** @return where mutations log themselves */
    StringBuffer mutationLog() {
        return mutations;
    }

    /** @return the mutations applied, in order */
    String mutations() {
        return mutations.toString().trim();
    }

    /** @param bytes the bytes fed (for a UDP trial, every datagram one after another) */
    void input(byte[] bytes) {
        this.input = bytes;
    }

    /** @return the bytes fed, null before the trial built them */
    byte[] input() {
        return input;
    }

    /** @param text more to print on failure, e.g. the chunk sizes or datagram boundaries; read only then */
    void extra(CharSequence text) {
        this.extra = text;
    }

    /** @return more to print on failure, or null */
    CharSequence extra() {
        return extra;
    }

    void started() {
        startNanos = System.nanoTime();
    }

    /** @return how long this input has been running */
    long runningNanos() {
        return System.nanoTime() - startNanos;
    }
}
