package org.splitcast.recommendation;

import java.util.Arrays;

/**
 * For each content, its most similar contents by co-views, in compressed rows: the neighbours of
 * content {@code i} are {@code items[offsets[i] .. offsets[i + 1])}, most similar first, with their
 * {@code similarities}. Immutable once built.
 *
 * <p>The similarity of i and j is the cosine of their viewer sets, shrunk when few subscribers
 * support it: {@code c / sqrt(n_i · n_j) · c / (c + shrinkage)}, where c subscribers viewed both
 * (each within their history window) and n_i viewed i. It is computed content by content over
 * the inverted index (content → viewers → their contents) with one reusable dense count array, so
 * a build costs the sum over subscribers of their window's size squared, and memory stays linear.
 */
final class CoViewNeighbours {

    final int[] offsets;
    final int[] items;
    final float[] similarities;

    private CoViewNeighbours(int[] offsets, int[] items, float[] similarities) {
        this.offsets = offsets;
        this.items = items;
        this.similarities = similarities;
    }

    /**
     * @param contents how many contents (ordinals 0..contents-1)
     * @param userOffsets rows of {@code userItems}, one per subscriber
     * @param userItems each subscriber's distinct contents
     */
    static CoViewNeighbours build(int contents, int[] userOffsets, int[] userItems, int neighbours, double shrinkage) {
        int users = userOffsets.length - 1;
        // inverted index: content -> subscribers who viewed it
        int[] itemOffsets = new int[contents + 1];
        for (int k = 0; k < userOffsets[users]; k++) {
            itemOffsets[userItems[k] + 1]++;
        }
        for (int i = 0; i < contents; i++) {
            itemOffsets[i + 1] += itemOffsets[i];
        }
        int[] itemUsers = new int[itemOffsets[contents]];
        int[] fill = itemOffsets.clone();
        for (int u = 0; u < users; u++) {
            for (int k = userOffsets[u]; k < userOffsets[u + 1]; k++) {
                itemUsers[fill[userItems[k]]++] = u;
            }
        }

        int[] counts = new int[contents];
        int[] touched = new int[contents];
        TopN top = new TopN(neighbours);
        int[] offsets = new int[contents + 1];
        int[] rowItems = new int[neighbours];
        double[] rowScores = new double[neighbours];
        int[] allItems = new int[1024];
        float[] allSimilarities = new float[allItems.length];
        int total = 0;
        for (int i = 0; i < contents; i++) {
            int support = itemOffsets[i + 1] - itemOffsets[i];
            int t = 0;
            for (int k = itemOffsets[i]; k < itemOffsets[i + 1]; k++) {
                int u = itemUsers[k];
                for (int m = userOffsets[u]; m < userOffsets[u + 1]; m++) {
                    int j = userItems[m];
                    if (j != i && counts[j]++ == 0) {
                        touched[t++] = j;
                    }
                }
            }
            top.reset(neighbours);
            for (int k = 0; k < t; k++) {
                int j = touched[k];
                int c = counts[j];
                counts[j] = 0;
                int supportJ = itemOffsets[j + 1] - itemOffsets[j];
                double cosine = c / Math.sqrt((double) support * supportJ);
                top.offer(j, cosine * c / (c + shrinkage));
            }
            int n = top.drainBestFirst(rowItems, rowScores);
            if (total + n > allItems.length) {
                int capacity = Math.max(total + n, allItems.length * 2);
                allItems = Arrays.copyOf(allItems, capacity);
                allSimilarities = Arrays.copyOf(allSimilarities, capacity);
            }
            for (int k = 0; k < n; k++) {
                allItems[total + k] = rowItems[k];
                allSimilarities[total + k] = (float) rowScores[k];
            }
            total += n;
            offsets[i + 1] = total;
        }
        return new CoViewNeighbours(offsets, Arrays.copyOf(allItems, total), Arrays.copyOf(allSimilarities, total));
    }

    int pairs() {
        return items.length;
    }
}
