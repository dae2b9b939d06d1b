package org.canbao.platform.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.function.BiFunction;
import org.canbao.contracts.EventCodec;
import org.canbao.platform.batch.InvalidInput;
import org.canbao.platform.i18n.Message;

/**
 * Documents that set rules (policies, campaigns) are read strictly: a field Canbao does not know is refused with
 * its name, rather than dropped while the office believes it was loaded. Use on a resource method with
 * {@code @CustomDeserialization(StrictJson.class)}, or {@link #read} for a part of a document.
 */
public class StrictJson implements BiFunction<ObjectMapper, Type, ObjectReader> {
    @Override
    public ObjectReader apply(ObjectMapper mapper, Type type) {
        return mapper.readerFor(mapper.constructType(type)).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /**
     * A part of a document as its type; a wrong type or an unknown field is an {@link InvalidInput} naming it.
     * {@code what} is the catalog code of the part's name.
     */
    public static <T> T read(JsonNode node, Class<T> type, String what) {
        try {
            return new StrictJson().apply(EventCodec.mapper(), type).readValue(EventCodec.mapper().treeAsTokens(node));
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInput("document.unknown-field", Message.of(what), e.getPropertyName(),
                    String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()));
        } catch (IOException e) {
            String detail = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
                throw new InvalidInput("document.unreadable-field", Message.of(what),
                        m.getPath().get(m.getPath().size() - 1).getFieldName(), detail);
            }
            throw new InvalidInput("document.unreadable", Message.of(what), detail);
        }
    }
}
