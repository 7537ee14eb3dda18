package org.splitcast.separation.selection;

/**
 * How much a coded unit matters to decoding, which sets how densely it is hit. Damage to an intra
 * picture spreads to every picture predicted from it; damage to a non-reference picture stays
 * there.
 */
public enum UnitClass {
    /** Slices of IDR/IRAP/I pictures. */
    INTRA,
    /** Slices of P pictures and of reference B pictures. */
    PREDICTED,
    /** Slices of pictures that no other picture references. */
    NON_REFERENCE,
    /** Audio frame payloads. */
    AUDIO
}
