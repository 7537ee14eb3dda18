package org.splitcast.portal.api.json;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.jboss.logging.Logger;
import org.splitcast.error.ErrorCode;
import org.splitcast.portal.api.JsonbConfiguration;
import org.splitcast.portal.api.RequestLimits;
import org.splitcast.portal.api.problem.ProcessingExceptionMapper;

/**
 * Reads every JSON request body of the API: at most {@link RequestLimits#maxJsonBytes()} bytes
 * (413 beyond), then {@link StrictJson}'s rules, then JSON-B ({@link JsonbConfiguration}) binds
 * the checked value. An empty body is no body (the operation's {@code @NotNull} answers).
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class StrictJsonReader implements MessageBodyReader<Object> {

    private static final Logger LOG = Logger.getLogger(StrictJsonReader.class);

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type != String.class
                && type != byte[].class
                && !InputStream.class.isAssignableFrom(type)
                && !Reader.class.isAssignableFrom(type)
                && !JsonValue.class.isAssignableFrom(type)
                && !MultivaluedMap.class.isAssignableFrom(type);
    }

    @Override
    public Object readFrom(
            Class<Object> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream)
            throws IOException {
        byte[] body = readBounded(entityStream, RequestLimits.maxJsonBytes());
        if (isBlank(body)) {
            return null;
        }
        return bind(body, genericType == null ? type : genericType, JsonbConfiguration.jsonb());
    }

    /** The strict reading of {@code body} as {@code type}; {@link JsonBodyException} if it breaks a rule. */
    public static Object bind(byte[] body, Type type, Jsonb jsonb) {
        String text = StrictJson.utf8(body);
        JsonValue value = StrictJson.parse(text);
        StrictJson.check(value, type);
        try {
            return jsonb.fromJson(text, type);
        } catch (JsonbException | IllegalArgumentException | ClassCastException | ArithmeticException e) {
            LOG.debugf("JSON-B refused a checked body: %s", e.getMessage());
            throw new JsonBodyException(
                    ErrorCode.MALFORMED_REQUEST,
                    "The request body is not valid JSON of the expected shape" + ProcessingExceptionMapper.reason(e),
                    null);
        }
    }

    static byte[] readBounded(InputStream in, int max) throws IOException {
        byte[] body;
        try {
            body = in.readNBytes(max + 1);
        } catch (RequestLimits.TooLarge e) {
            throw RequestLimits.tooLarge(max);
        }
        if (body.length > max) {
            throw RequestLimits.tooLarge(max);
        }
        return body;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
