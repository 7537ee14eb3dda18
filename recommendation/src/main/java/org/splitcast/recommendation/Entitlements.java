package org.splitcast.recommendation;

import java.util.Arrays;

/**
 * What one subscriber may watch: the ordinals of their packages and of the contents they bought
 * directly, both sorted and distinct. Immutable; the model shares one instance between subscribers
 * with the same rights (most subscribers hold one of a few package combinations).
 */
final class Entitlements {

    static final Entitlements NONE = new Entitlements(new int[0], new int[0]);

    private final int[] packages;
    private final int[] contents;
    private final int hash;

    private Entitlements(int[] packages, int[] contents) {
        this.packages = packages;
        this.contents = contents;
        this.hash = 31 * Arrays.hashCode(packages) + Arrays.hashCode(contents);
    }

    /** From unsorted ordinals that may repeat; the arrays are not kept. */
    static Entitlements of(int[] packages, int[] contents) {
        int[] p = distinctSorted(packages);
        int[] c = distinctSorted(contents);
        return p.length == 0 && c.length == 0 ? NONE : new Entitlements(p, c);
    }

    /** Whether the content is in one of the packages or bought directly. */
    boolean allows(int content, long[][] packageContents) {
        int word = content >>> 6;
        long bit = 1L << content;
        for (int p : packages) {
            if ((packageContents[p][word] & bit) != 0) {
                return true;
            }
        }
        return contents.length != 0 && Arrays.binarySearch(contents, content) >= 0;
    }

    boolean isEmpty() {
        return packages.length == 0 && contents.length == 0;
    }

    static int[] distinctSorted(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Entitlements e
                && hash == e.hash
                && Arrays.equals(packages, e.packages)
                && Arrays.equals(contents, e.contents);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
