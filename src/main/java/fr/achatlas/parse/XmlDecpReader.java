package fr.achatlas.parse;

import fr.achatlas.model.ContractKind;
import fr.achatlas.model.Finding;
import fr.achatlas.model.ParsedRecord;
import fr.achatlas.model.Provenance;
import fr.achatlas.model.Rule;
import fr.achatlas.model.SourceFormat;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams DECP XML with StAX: {@code <marches>} holding {@code <marche>} / {@code <contrat-concession>} elements, or a
 * single {@code <marche>} / {@code <contrat-concession>} root (the 2019 official single examples). Each record element
 * becomes a tree: an element with children is a map (a repeated child becomes a list), an element without children its
 * trimmed text. Attributes (xsi:…) are ignored. Illegal XML characters are filtered out below the parser
 * ({@link XmlCharFilterReader}) and reported on the record they were in.
 */
final class XmlDecpReader implements DecpReader {

    private static final XMLInputFactory FACTORY = factory();

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    private final XmlCharFilterReader filter;
    private final XMLStreamReader xml;
    private final SourceFormat format;
    private final String fileName;
    private final String fileSha256;
    private final DecpRecordMapper mapper = new DecpRecordMapper();

    private boolean started;
    private boolean singleRoot;
    private boolean done;
    private long position;

    XmlDecpReader(Reader text, SourceFormat format, String fileName, String fileSha256) throws IOException {
        this.filter = new XmlCharFilterReader(text);
        try {
            this.xml = FACTORY.createXMLStreamReader(filter);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        this.format = format;
        this.fileName = fileName;
        this.fileSha256 = fileSha256;
    }

    @Override
    public SourceFormat format() {
        return format;
    }

    @Override
    public ParsedRecord next() throws IOException {
        if (done) return null;
        try {
            if (!started) {
                started = true;
                if (!toStartElement()) return end("Aucun élément XML dans le fichier.");
                String root = xml.getLocalName();
                if (kindOf(root) != null) {
                    singleRoot = true;
                    done = true;
                    return record(root);
                }
                if (!root.equals("marches")) return end("Élément racine <" + root + "> inattendu : <marches>, <marche> ou <contrat-concession> attendu.");
            }
            if (singleRoot) return null;
            while (xml.hasNext()) {
                int e = xml.next();
                if (e == XMLStreamConstants.START_ELEMENT) return record(xml.getLocalName());
                if (e == XMLStreamConstants.END_ELEMENT) { // </marches>
                    done = true;
                    return null;
                }
            }
            done = true;
            return null;
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof IOException io) throw io;
            done = true;
            Location loc = e.getLocation();
            String where = loc == null ? "position inconnue" : "ligne " + loc.getLineNumber() + ", colonne " + loc.getColumnNumber();
            return fatal(Rule.PARSE_ERROR.finding(where, null,
                    "XML mal formé ou tronqué (" + where + ") : la suite du fichier est illisible. Détail : " + e.getMessage()));
        }
    }

    private boolean toStartElement() throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT) return true;
        }
        return false;
    }

    private static ContractKind kindOf(String element) {
        if (element.equals("marche")) return ContractKind.MARCHE;
        if (element.equals("contrat-concession")) return ContractKind.CONCESSION;
        return null;
    }

    private ParsedRecord record(String element) throws XMLStreamException {
        Object tree = element();
        position++;
        List<Finding> pre = filter.drainUpTo(xml.getLocation().getCharacterOffset())
                ? List.of(Rule.CONTROL_CHARACTERS_REMOVED.finding("enregistrement", null,
                "Caractères interdits en XML (caractères de contrôle) supprimés du texte de l'enregistrement."))
                : List.of();
        DecpRecordMapper.Context ctx = new DecpRecordMapper.Context(fileName, fileSha256, position, format);
        ContractKind kind = kindOf(element);
        if (kind == null) {
            List<Finding> f = new ArrayList<>(pre);
            f.add(Rule.NOT_A_CONTRACT.finding("<" + element + ">", null,
                    "Élément <" + element + "> n° " + position + " : ni <marche> ni <contrat-concession>."));
            return new ParsedRecord(null, f, new Provenance(fileName, fileSha256, position, format, null));
        }
        return mapper.map(tree, kind, ctx, pre);
    }

    /** Reads the current element (positioned on its START_ELEMENT) up to its END_ELEMENT. */
    private Object element() throws XMLStreamException {
        TreeObject children = null;
        StringBuilder text = null;
        while (true) {
            int e = xml.next();
            switch (e) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = xml.getLocalName().intern(); // TreeObject looks keys up by identity
                    Object child = element();
                    if (children == null) children = new TreeObject(8);
                    add(children, name, child);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (children == null) {
                        if (text == null) text = new StringBuilder(32);
                        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (children != null) return children;
                    return text == null ? "" : text.toString().strip();
                }
                default -> {
                }
            }
        }
    }

    private static void add(TreeObject children, String name, Object child) {
        Object existing = children.get(name);
        if (existing == null) {
            children.put(name, child);
        } else if (existing instanceof List<?>) {
            @SuppressWarnings("unchecked") List<Object> list = (List<Object>) existing;
            list.add(child); // in XML a list only ever comes from a repeated element
        } else {
            List<Object> list = new ArrayList<>(4);
            list.add(existing);
            list.add(child);
            children.set(name, list);
        }
    }

    private ParsedRecord end(String message) {
        done = true;
        return fatal(Rule.PARSE_ERROR.finding("fichier", null, message));
    }

    private ParsedRecord fatal(Finding finding) {
        position++;
        return new ParsedRecord(null, List.of(finding), new Provenance(fileName, fileSha256, position, format, null));
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            filter.close();
        }
    }
}
