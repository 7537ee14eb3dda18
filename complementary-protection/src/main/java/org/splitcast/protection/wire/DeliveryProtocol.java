package org.splitcast.protection.wire;

/**
 * Names of the HTTP delivery contract (docs/protected-complementary-format.md §8), shared by the
 * server that answers and the terminal SDK that asks, so the two spell them alike.
 */
public final class DeliveryProtocol {

    /** The media type of a body of concatenated envelopes. */
    public static final String ENVELOPES_MEDIA_TYPE = "application/vnd.splitcast.scpe";
    /** The media type of the main stream. */
    public static final String MAIN_STREAM_MEDIA_TYPE = "video/mp2t";

    /** Query parameter: which part of the complementary information ({@link ChunkSelection}). */
    public static final String CHUNKS_PARAMETER = "chunks";
    /** Query parameter: the terminal that will open the envelopes (the license's terminal). */
    public static final String TERMINAL_PARAMETER = "terminalId";

    /** Response header: the id of the key the body's envelopes are sealed under. */
    public static final String KEY_ID_HEADER = "Splitcast-Key-Id";
    /** Response header: how many chunks the content's complementary information has. */
    public static final String CHUNK_COUNT_HEADER = "Splitcast-Chunk-Count";
    /** Response header: what the body holds: {@code header}, {@code trailer} or {@code FIRST..LAST}. */
    public static final String CHUNKS_HEADER = "Splitcast-Chunks";
    /** Response header: the main stream's length in bytes. */
    public static final String MAIN_LENGTH_HEADER = "Splitcast-Main-Length";

    /** Problem code (403): the terminal holds no license for the content that is valid now. */
    public static final String NO_VALID_LICENSE = "no-valid-license";
    /** Problem code (404): no such content or terminal, or nothing ingested for the content. */
    public static final String NOT_FOUND = "not-found";
    /** Problem code (409): the content's ingest has not finished. */
    public static final String NOT_READY = "not-ready";
    /** Problem code (400): a missing or malformed parameter, or a range outside the chunks. */
    public static final String VALIDATION = "validation";

    /** Base of the problem {@code type} URIs (docs/problems.md): the code follows. */
    public static final String PROBLEM_TYPE_BASE = "https://splitcast.org/problems/";

    /** The path of the complementary information of a content, under the server's base URI. */
    public static String complementaryPath(String contentId) {
        return "api/contents/" + PathSegments.encode(contentId) + "/complementary";
    }

    /** The path of the main stream of a content, under the server's base URI. */
    public static String mainStreamPath(String contentId) {
        return "media/" + PathSegments.encode(contentId) + "/main.ts";
    }

    private DeliveryProtocol() {}
}
