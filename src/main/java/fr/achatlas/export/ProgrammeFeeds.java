package fr.achatlas.export;

import fr.achatlas.query.programme.PublicEntry;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The published purchase programme as feeds local businesses subscribe to: Atom (RFC 4287) and iCalendar (RFC 5545,
 * one all-day event on each entry's planned launch date). Built from {@link PublicEntry} only, so nothing internal can
 * reach a feed.
 */
public final class ProgrammeFeeds {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter ICS_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter ICS_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private ProgrammeFeeds() {
    }

    /** The entry's public page. */
    public static String entryUrl(String baseUrl, long id) {
        return baseUrl + "/programme-fiche.html?id=" + id;
    }

    /** A one-paragraph French description of an entry (feeds, PDF and page share it). */
    public static String describe(PublicEntry e) {
        NumberFormat eur = NumberFormat.getIntegerInstance(Locale.FRANCE);
        List<String> parts = new ArrayList<>();
        parts.add((e.joint() ? "Achat groupé de : " : "Acheteur : ") + String.join(", ", e.buyerNames()));
        if (e.familyLabel() != null) parts.add("Famille : " + e.familyLabel());
        if (e.plannedLaunch() != null) parts.add("Lancement prévu : " + e.plannedLaunch());
        if (e.estimatedAmount() != null) parts.add("Montant estimé : " + eur.format(e.estimatedAmount()) + " € HT");
        if (e.procedure() != null) parts.add("Procédure envisagée : " + e.procedure());
        if (e.lots() != null) parts.add("Lots : " + e.lots());
        if (e.reserved()) parts.add("Marché réservé (structures d'insertion, entreprises adaptées, ESAT)");
        if (e.socialClause()) parts.add("Clause sociale prévue");
        if (e.environmentalClause()) parts.add("Clause environnementale prévue");
        parts.add("État : " + e.stateLabel());
        return String.join(". ", parts) + ".";
    }

    public static void atom(List<PublicEntry> entries, String title, String baseUrl, LocalDateTime now, OutputStream out)
            throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            text(x, "title", title);
            text(x, "id", baseUrl + "/api/public/programme/feed.atom");
            LocalDateTime updated = entries.stream().map(PublicEntry::updatedAt).max(LocalDateTime::compareTo).orElse(now);
            text(x, "updated", rfc3339(updated));
            link(x, "self", baseUrl + "/api/public/programme/feed.atom");
            link(x, "alternate", baseUrl + "/programme.html");
            x.writeStartElement("author");
            text(x, "name", "Acheteurs publics du territoire");
            x.writeEndElement();
            for (PublicEntry e : entries) {
                x.writeStartElement("entry");
                text(x, "title", e.object());
                text(x, "id", entryUrl(baseUrl, e.id()));
                text(x, "updated", rfc3339(e.updatedAt()));
                link(x, "alternate", entryUrl(baseUrl, e.id()));
                if (e.familyCode() != null) {
                    x.writeEmptyElement("category");
                    x.writeAttribute("term", e.familyCode());
                    if (e.familyLabel() != null) x.writeAttribute("label", e.familyLabel());
                }
                text(x, "summary", describe(e));
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException ex) {
            throw new IOException(ex);
        }
    }

    /** Entries without a planned launch date have no place in a calendar and are left out (they stay in the list). */
    public static void icalendar(List<PublicEntry> entries, String title, String baseUrl, String host, LocalDateTime now,
                                 OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        line(w, "BEGIN:VCALENDAR");
        line(w, "VERSION:2.0");
        line(w, "PRODID:-//Achatlas//Programmation des achats//FR");
        line(w, "CALSCALE:GREGORIAN");
        line(w, "X-WR-CALNAME:" + escape(title));
        String stamp = ICS_STAMP.format(now.atZone(PARIS).withZoneSameInstant(ZoneOffset.UTC));
        for (PublicEntry e : entries) {
            if (e.plannedLaunch() == null) continue;
            line(w, "BEGIN:VEVENT");
            line(w, "UID:programme-" + e.id() + "@" + host);
            line(w, "DTSTAMP:" + stamp);
            line(w, "LAST-MODIFIED:" + ICS_STAMP.format(e.updatedAt().atZone(PARIS).withZoneSameInstant(ZoneOffset.UTC)));
            line(w, "DTSTART;VALUE=DATE:" + ICS_DATE.format(e.plannedLaunch()));
            line(w, "DTEND;VALUE=DATE:" + ICS_DATE.format(e.plannedLaunch().plusDays(1)));
            line(w, "SUMMARY:" + escape("Lancement prévu : " + e.object()));
            line(w, "DESCRIPTION:" + escape(describe(e)));
            line(w, "URL:" + entryUrl(baseUrl, e.id()));
            if (e.familyLabel() != null) line(w, "CATEGORIES:" + escape(e.familyLabel()));
            line(w, "END:VEVENT");
        }
        line(w, "END:VCALENDAR");
        w.flush();
    }

    private static String rfc3339(LocalDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(PARIS).withNano(0).toOffsetDateTime());
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value == null ? "" : value);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** Writes a content line folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence, ended by CRLF. */
    static void line(Writer w, String content) throws IOException {
        StringBuilder b = new StringBuilder();
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + n > limit) {
                b.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            b.appendCodePoint(cp);
            octets += n;
            i += Character.charCount(cp);
        }
        w.write(b.append("\r\n").toString());
    }
}
