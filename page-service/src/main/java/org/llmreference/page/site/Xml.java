package org.llmreference.page.site;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an XML document with the StAX writer, which escapes every text and attribute it is given;
 * characters XML 1.0 cannot carry at all (control characters other than tab and line ends, unpaired
 * surrogates, U+FFFE, U+FFFF) are dropped on the way, so no stored text can make the document invalid.
 */
final class Xml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private Xml() {
    }

    static String document(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml;
            synchronized (FACTORY) {
                xml = onlyXmlCharacters(FACTORY.createXMLStreamWriter(out, "UTF-8"));
            }
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            body.write(xml);
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** {@code text} without the characters XML 1.0 does not allow. */
    static String xmlCharacters(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            boolean allowed = pair || c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (allowed && out != null) {
                out.append(c);
            }
            if (pair) {
                if (out != null) {
                    out.append(text.charAt(i + 1));
                }
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    /** The writer, with every text, attribute value, comment and CDATA passed through {@link #xmlCharacters}. */
    private static XMLStreamWriter onlyXmlCharacters(XMLStreamWriter writer) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (arguments != null && method.getName().matches("write(Characters|Attribute|CData|Comment)")) {
                if (arguments.length == 3 && arguments[0] instanceof char[] characters) {
                    String text = new String(characters, (Integer) arguments[1], (Integer) arguments[2]);
                    return method.getDeclaringClass().getMethod(method.getName(), String.class)
                            .invoke(writer, xmlCharacters(text));
                }
                for (int i = 0; i < arguments.length; i++) {
                    if (arguments[i] instanceof String text) {
                        arguments[i] = xmlCharacters(text);
                    }
                }
            }
            try {
                return method.invoke(writer, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (XMLStreamWriter) Proxy.newProxyInstance(Xml.class.getClassLoader(), new Class<?>[] { XMLStreamWriter.class },
                handler);
    }

    static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
