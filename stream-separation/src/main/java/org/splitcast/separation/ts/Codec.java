package org.splitcast.separation.ts;

/** The coded formats the separator knows how to damage; everything else passes through. */
public enum Codec {
    MPEG2_VIDEO("MPEG-1/2 video", true),
    H264("H.264/AVC", true),
    HEVC("H.265/HEVC", true),
    AAC_ADTS("AAC (ADTS)", false),
    AC3("AC-3", false),
    MPEG_AUDIO("MPEG audio", false),
    /** Carried through unchanged and reported. */
    PASS_THROUGH("other", false);

    private final String displayName;
    private final boolean video;

    Codec(String displayName, boolean video) {
        this.displayName = displayName;
        this.video = video;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isVideo() {
        return video;
    }

    public boolean isProtectable() {
        return this != PASS_THROUGH;
    }
}
