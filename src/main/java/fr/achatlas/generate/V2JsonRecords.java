package fr.achatlas.generate;

import fr.achatlas.generate.SyntheticContract.Change;
import fr.achatlas.generate.SyntheticContract.SubcontractAct;
import tools.jackson.core.JsonGenerator;

import java.math.BigDecimal;
import java.util.List;

/**
 * Writes records in the DECP v2 JSON shape (schema 2.0.3), with the XML-style nesting of the official examples:
 * {@code titulaires[].titulaire}, {@code modifications[].modification}, {@code considerationsSociales.considerationSociale[]}.
 */
final class V2JsonRecords {
    private V2JsonRecords() {
    }

    /** What both kinds start with: id, the buyer (acheteur or autorité concédante), nature and object. */
    private static void openRecord(JsonGenerator g, Publication p, String buyerField) {
        SyntheticContract c = p.contract();
        g.writeStartObject();
        if (!p.has(Defect.CONTRACT_ID_MISSING)) g.writeStringProperty("id", c.id());
        g.writeName(buyerField);
        g.writeStartObject();
        if (!p.has(Defect.BUYER_ID_MISSING)) g.writeStringProperty("id", c.buyerId());
        g.writeEndObject();
        g.writeStringProperty("nature", c.nature());
        g.writeStringProperty("objet", c.object());
    }

    static void marche(JsonGenerator g, Publication p) {
        SyntheticContract c = p.contract();
        openRecord(g, p, "acheteur");
        g.writeStringProperty("codeCPV", Values.cpv(c.cpv(), p));
        list(g, "techniques", "technique", c.techniques());
        list(g, "modalitesExecution", "modaliteExecution", c.modalities());
        if (c.frameworkId() != null) g.writeStringProperty("idAccordCadre", c.frameworkId());
        bool(g, "marcheInnovant", c.innovative(), p);
        g.writeStringProperty("ccag", c.ccag());
        g.writeNumberProperty("offresRecues", c.offersReceived());
        bool(g, "attributionAvance", c.advance(), p);
        g.writeName("tauxAvance");
        g.writeNumber(Values.plain(c.advanceRate()));
        g.writeStringProperty("typeGroupementOperateurs", c.grouping());
        bool(g, "sousTraitanceDeclaree", !c.subcontracts().isEmpty(), p);
        if (!c.subcontracts().isEmpty()) {
            g.writeName("actesSousTraitance");
            g.writeStartArray();
            for (SubcontractAct a : c.subcontracts()) {
                g.writeStartObject();
                g.writeName("acteSousTraitance");
                g.writeStartObject();
                g.writeNumberProperty("id", a.rank());
                g.writeName("sousTraitant");
                party(g, a.subcontractor(), a.subcontractor().id(), p);
                g.writeNumberProperty("dureeMois", a.durationMonths());
                g.writeStringProperty("dateNotification", Values.date(a.notificationDate(), p));
                g.writeName("montant");
                g.writeNumber(Values.plain(a.amount()));
                g.writeStringProperty("variationPrix", a.priceVariation());
                g.writeStringProperty("datePublicationDonnees", Values.date(a.publicationDate(), p));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeStringProperty("procedure", c.procedure());
        g.writeName("lieuExecution");
        g.writeStartObject();
        g.writeStringProperty("code", c.placeCode());
        g.writeStringProperty("typeCode", c.placeType());
        g.writeEndObject();
        duration(g, c.durationMonths(), p);
        if (!p.has(Defect.NOTIFICATION_DATE_MISSING)) g.writeStringProperty("dateNotification", Values.date(c.notificationDate(), p));
        g.writeStringProperty("datePublicationDonnees", Values.date(c.publicationDate(), p));
        amount(g, "montant", c.amount(), p);
        g.writeName("typesPrix");
        g.writeStartObject();
        g.writeName("typePrix");
        g.writeStartArray();
        g.writeString(c.priceType());
        g.writeEndArray();
        g.writeEndObject();
        g.writeStringProperty("formePrix", c.priceForm());
        holders(g, "titulaires", "titulaire", c.holders(), p);
        considerations(g, c);
        if (!c.modifications().isEmpty()) {
            g.writeName("modifications");
            g.writeStartArray();
            for (Change m : c.modifications()) {
                g.writeStartObject();
                g.writeName("modification");
                g.writeStartObject();
                g.writeNumberProperty("id", m.rank());
                if (m.durationMonths() != null) g.writeNumberProperty("dureeMois", m.durationMonths());
                if (m.amount() != null) {
                    g.writeName("montant");
                    g.writeNumber(Values.plain(m.amount()));
                }
                if (m.holders() != null) holders(g, "titulaires", "titulaire", m.holders(), p);
                g.writeStringProperty("dateNotificationModification", Values.date(m.notificationDate(), p));
                g.writeStringProperty("datePublicationDonneesModification", Values.date(m.publicationDate(), p));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    static void concession(JsonGenerator g, Publication p) {
        SyntheticContract c = p.contract();
        openRecord(g, p, "autoriteConcedante");
        g.writeStringProperty("procedure", c.procedure());
        duration(g, c.durationMonths(), p);
        if (!p.has(Defect.NOTIFICATION_DATE_MISSING)) g.writeStringProperty("dateSignature", Values.date(c.notificationDate(), p));
        g.writeStringProperty("datePublicationDonnees", Values.date(c.publicationDate(), p));
        g.writeStringProperty("dateDebutExecution", Values.date(c.executionStart(), p));
        amount(g, "valeurGlobale", c.amount(), p);
        g.writeName("montantSubventionPublique");
        g.writeNumber(Values.plain(c.publicSubsidy()));
        g.writeName("donneesExecution");
        g.writeStartArray();
        g.writeStartObject();
        g.writeName("donneesAnnuelles");
        g.writeStartObject();
        g.writeStringProperty("datePublicationDonneesExecution", Values.date(c.executionStart().plusYears(1), p));
        g.writeName("depensesInvestissement");
        g.writeNumber(Values.plain(c.amount().movePointLeft(2).setScale(0, java.math.RoundingMode.HALF_UP)));
        g.writeName("tarifs");
        g.writeStartArray();
        g.writeStartObject();
        g.writeName("tarif");
        g.writeStartObject();
        g.writeStringProperty("intituleTarif", c.tariffLabel());
        g.writeName("tarif");
        g.writeNumber(Values.plain(c.tariff()));
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        holders(g, "concessionnaires", "concessionnaire", c.holders(), p);
        considerations(g, c);
        if (!c.modifications().isEmpty()) {
            g.writeName("modifications");
            g.writeStartArray();
            for (Change m : c.modifications()) {
                g.writeStartObject();
                g.writeName("modification");
                g.writeStartObject();
                g.writeNumberProperty("id", m.rank());
                g.writeStringProperty("dateSignatureModification", Values.date(m.notificationDate(), p));
                g.writeStringProperty("datePublicationDonneesModification", Values.date(m.publicationDate(), p));
                if (m.durationMonths() != null) g.writeNumberProperty("dureeMois", m.durationMonths());
                if (m.amount() != null) {
                    g.writeName("valeurGlobale");
                    g.writeNumber(Values.plain(m.amount()));
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void considerations(JsonGenerator g, SyntheticContract c) {
        list(g, "considerationsSociales", "considerationSociale", c.social());
        list(g, "considerationsEnvironnementales", "considerationEnvironnementale", c.environmental());
    }

    private static void holders(JsonGenerator g, String arrayName, String itemName, List<Supplier> holders, Publication p) {
        g.writeName(arrayName);
        g.writeStartArray();
        for (Supplier s : holders) {
            g.writeStartObject();
            g.writeName(itemName);
            party(g, s, Values.holderId(s, holders, p), p);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void party(JsonGenerator g, Supplier s, String id, Publication p) {
        g.writeStartObject();
        g.writeStringProperty("typeIdentifiant", Values.idType(s, p));
        g.writeStringProperty("id", id);
        g.writeEndObject();
    }

    private static void list(JsonGenerator g, String wrapper, String item, List<String> values) {
        g.writeName(wrapper);
        g.writeStartObject();
        g.writeName(item);
        g.writeStartArray();
        for (String v : values) g.writeString(v);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void bool(JsonGenerator g, String name, boolean value, Publication p) {
        g.writeName(name);
        if (p.has(Defect.BOOLEAN_AS_NUMBER)) g.writeNumber(value ? 1 : 0);
        else g.writeBoolean(value);
    }

    private static void duration(JsonGenerator g, int months, Publication p) {
        g.writeName("dureeMois");
        if (p.has(Defect.DURATION_NC)) g.writeString("NC");
        else if (p.has(Defect.NUMBER_AS_STRING)) g.writeString(Integer.toString(months));
        else g.writeNumber(months);
    }

    private static void amount(JsonGenerator g, String name, BigDecimal amount, Publication p) {
        g.writeName(name);
        String v = Values.amount(amount, p);
        if (p.has(Defect.NUMBER_AS_STRING)) g.writeString(v);
        else g.writeNumber(v);
    }
}
