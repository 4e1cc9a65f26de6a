package fr.achatlas.generate;

import fr.achatlas.generate.SyntheticContract.Change;
import tools.jackson.core.JsonGenerator;

import java.util.List;

/** Writes records in the 2019 DECP JSON shape (schema 1.5.0): flat holder lists, names of buyers and holders. */
final class Decp2019JsonRecords {
    private Decp2019JsonRecords() {
    }

    static void write(JsonGenerator g, Publication p, String source) {
        SyntheticContract c = p.contract();
        g.writeStartObject();
        if (!p.has(Defect.CONTRACT_ID_MISSING)) g.writeStringProperty("id", c.id());
        if (source != null) g.writeStringProperty("source", source);
        g.writeName(c.concession() ? "autoriteConcedante" : "acheteur");
        g.writeStartObject();
        if (!p.has(Defect.BUYER_ID_MISSING)) g.writeStringProperty("id", c.buyerId());
        g.writeStringProperty("nom", c.buyerName());
        g.writeEndObject();
        g.writeStringProperty("_type", c.concession() ? "Contrat de concession" : "Marché");
        g.writeStringProperty("nature", c.concession() ? c.nature() : Values.nature2019(c));
        g.writeStringProperty("objet", c.object());
        if (!c.concession()) {
            String cpv = Values.cpv(c.cpv(), p);
            g.writeStringProperty("codeCPV", cpv);
        }
        g.writeStringProperty("procedure", c.concession() ? c.procedure() : Values.procedure2019(c.procedure(), p));
        g.writeName("lieuExecution");
        g.writeStartObject();
        g.writeStringProperty("code", c.placeCode());
        g.writeStringProperty("typeCode", c.placeType());
        g.writeStringProperty("nom", c.placeName());
        g.writeEndObject();
        g.writeName("dureeMois");
        if (p.has(Defect.DURATION_NC)) g.writeString("NC");
        else if (p.has(Defect.NUMBER_AS_STRING)) g.writeString(Integer.toString(c.durationMonths()));
        else g.writeNumber(c.durationMonths());
        String dateName = c.concession() ? "dateSignature" : "dateNotification";
        if (!p.has(Defect.NOTIFICATION_DATE_MISSING)) g.writeStringProperty(dateName, Values.date(c.notificationDate(), p));
        g.writeStringProperty("datePublicationDonnees", Values.date(c.publicationDate(), p));
        if (c.concession()) g.writeStringProperty("dateDebutExecution", Values.date(c.executionStart(), p));
        g.writeName(c.concession() ? "valeurGlobale" : "montant");
        String amount = Values.amount(c.amount(), p);
        if (p.has(Defect.NUMBER_AS_STRING)) g.writeString(amount);
        else g.writeNumber(amount);
        if (c.concession()) {
            g.writeName("montantSubventionPublique");
            g.writeNumber(Values.plain(c.publicSubsidy()));
            g.writeName("donneesExecution");
            g.writeStartArray();
            g.writeEndArray();
        } else {
            g.writeStringProperty("formePrix", Values.priceForm2019(c));
        }
        holders(g, c.concession() ? "concessionnaires" : "titulaires", c.holders(), p);
        g.writeName("modifications");
        g.writeStartArray();
        for (Change m : c.modifications()) {
            g.writeStartObject();
            g.writeStringProperty("objetModification", m.object());
            g.writeStringProperty(c.concession() ? "dateSignatureModification" : "dateNotificationModification",
                    Values.date(m.notificationDate(), p));
            g.writeStringProperty("datePublicationDonneesModification", Values.date(m.publicationDate(), p));
            if (m.durationMonths() != null) g.writeNumberProperty("dureeMois", m.durationMonths());
            if (m.amount() != null) {
                g.writeName(c.concession() ? "valeurGlobale" : "montant");
                g.writeNumber(Values.plain(m.amount()));
            }
            if (m.holders() != null) holders(g, "titulaires", m.holders(), p);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void holders(JsonGenerator g, String name, List<Supplier> holders, Publication p) {
        g.writeName(name);
        g.writeStartArray();
        for (Supplier s : holders) {
            g.writeStartObject();
            g.writeStringProperty("typeIdentifiant", Values.idType(s, p));
            g.writeStringProperty("id", Values.holderId(s, holders, p));
            g.writeStringProperty("denominationSociale", s.name());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
