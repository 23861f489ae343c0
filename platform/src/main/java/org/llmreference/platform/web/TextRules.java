package org.llmreference.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * The Jackson module behind strict request bodies: a JSON string is accepted as a Java
 * {@code String} only if it is a JSON string (not a number or boolean) and holds no control
 * characters the text rule refuses ({@link PlainText}). The fault names the field, like every other
 * JSON fault.
 */
final class TextRules extends SimpleModule {

    TextRules() {
        super("llmref-text-rules");
        addDeserializer(String.class, new PlainStringDeserializer());
    }

    /** A string with characters the text rule refuses; {@code rule} and the message say which. */
    static final class RefusedText extends InvalidFormatException {

        private final String rule;

        RefusedText(JsonParser parser, String value, FieldViolation violation) {
            super(parser, violation.message(), value, String.class);
            this.rule = violation.rule();
        }

        String rule() {
            return rule;
        }
    }

    private static final class PlainStringDeserializer extends StdScalarDeserializer<String> {

        PlainStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String value = parser.getString();
            FieldViolation refused = PlainText.problem("text", value);
            if (refused != null) {
                throw new RefusedText(parser, value, refused);
            }
            return value;
        }
    }
}
