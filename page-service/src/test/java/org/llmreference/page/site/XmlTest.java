package org.llmreference.page.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** No stored text can make the feed or the sitemap invalid XML: what XML cannot carry is dropped. */
class XmlTest {

    static final String HOSTILE = "gpt\uFFFF-oss\uFFFE \uD800lone\uDC00 bell\u0007 nul\u0000 \uD83D\uDE80 ok\t<&>\"'";

    @Test
    void writesAWellFormedDocumentWhateverTheTextHolds() throws Exception {
        String written = Xml.document(xml -> {
            xml.writeStartElement("feed");
            Xml.element(xml, "title", HOSTILE);
            xml.writeEmptyElement("link");
            xml.writeAttribute("href", "https://example.org/" + HOSTILE.replace("\t", ""));
            xml.writeStartElement("summary");
            char[] characters = HOSTILE.toCharArray();
            xml.writeCharacters(characters, 0, characters.length);
            xml.writeEndElement();
            xml.writeEndElement();
        });

        Document parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(written.getBytes(StandardCharsets.UTF_8)));
        String kept = "gpt-oss lone bell nul \uD83D\uDE80 ok\t<&>\"'";
        assertThat(parsed.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(kept);
        assertThat(parsed.getElementsByTagName("summary").item(0).getTextContent()).isEqualTo(kept);
        assertThat(((Element) parsed.getElementsByTagName("link").item(0)).getAttribute("href"))
                .isEqualTo("https://example.org/" + kept.replace("\t", ""));
    }

    @Test
    void leavesTextXmlCanCarryAsItIs() {
        String text = "Qwen3.5 4B \u901A\u4E49 \uD83D\uDE80 \uFFFD";
        assertThat(Xml.xmlCharacters(text)).isSameAs(text);
    }
}
