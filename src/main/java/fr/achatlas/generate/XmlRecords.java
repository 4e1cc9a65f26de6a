package fr.achatlas.generate;

import fr.achatlas.generate.SyntheticContract.Change;
import fr.achatlas.generate.SyntheticContract.SubcontractAct;

import java.util.List;

/** Writes records as DECP XML: v2 (XSD 2.0.2, booleans oui/non) and 2019 (XSD 1.5.0), element order as the examples. */
final class XmlRecords {
    /** Planted in one XML text node: a unit separator pasted from an office document. */
    static final char CONTROL_CHAR = '\u001F';

    private XmlRecords() {
    }

    static void v2(XmlOut x, Publication p) {
        SyntheticContract c = p.contract();
        String object = p.has(Defect.CONTROL_CHARACTER) ? insertControl(c.object()) : c.object();
        if (c.concession()) {
            x.open("contrat-concession");
            if (!p.has(Defect.CONTRACT_ID_MISSING)) x.text("id", c.id());
            x.open("autoriteConcedante");
            if (!p.has(Defect.BUYER_ID_MISSING)) x.text("id", c.buyerId());
            x.close("autoriteConcedante");
            x.text("nature", c.nature());
            x.text("objet", object);
            x.text("procedure", c.procedure());
            x.text("dureeMois", duration(c, p));
            if (!p.has(Defect.NOTIFICATION_DATE_MISSING)) x.text("dateSignature", Values.date(c.notificationDate(), p));
            x.text("datePublicationDonnees", Values.date(c.publicationDate(), p));
            x.text("dateDebutExecution", Values.date(c.executionStart(), p));
            x.text("valeurGlobale", Values.amount(c.amount(), p));
            x.text("montantSubventionPublique", Values.plain(c.publicSubsidy()));
            holdersV2(x, "concessionnaires", "concessionnaire", c.holders(), p);
            considerations(x, c);
            if (!c.modifications().isEmpty()) {
                x.open("modifications");
                for (Change m : c.modifications()) {
                    x.open("modification");
                    x.text("id", m.rank());
                    x.text("dateSignatureModification", Values.date(m.notificationDate(), p));
                    x.text("datePublicationDonneesModification", Values.date(m.publicationDate(), p));
                    x.text("dureeMois", m.durationMonths());
                    x.text("valeurGlobale", m.amount() == null ? null : Values.plain(m.amount()));
                    x.close("modification");
                }
                x.close("modifications");
            }
            x.close("contrat-concession");
            return;
        }
        x.open("marche");
        if (!p.has(Defect.CONTRACT_ID_MISSING)) x.text("id", c.id());
        x.open("acheteur");
        if (!p.has(Defect.BUYER_ID_MISSING)) x.text("id", c.buyerId());
        x.close("acheteur");
        x.text("marcheInnovant", bool(c.innovative(), p));
        x.text("ccag", c.ccag());
        x.text("offresRecues", c.offersReceived());
        x.text("formePrix", c.priceForm());
        x.open("typesPrix");
        x.text("typePrix", c.priceType());
        x.close("typesPrix");
        considerations(x, c);
        x.text("attributionAvance", bool(c.advance(), p));
        x.text("nature", c.nature());
        x.text("objet", object);
        x.text("codeCPV", Values.cpv(c.cpv(), p));
        x.open("techniques");
        for (String t : c.techniques()) x.text("technique", t);
        x.close("techniques");
        x.open("modalitesExecution");
        for (String t : c.modalities()) x.text("modaliteExecution", t);
        x.close("modalitesExecution");
        x.text("idAccordCadre", c.frameworkId());
        x.text("tauxAvance", Values.plain(c.advanceRate()));
        holdersV2(x, "titulaires", "titulaire", c.holders(), p);
        x.text("typeGroupementOperateurs", c.grouping());
        x.text("sousTraitanceDeclaree", bool(!c.subcontracts().isEmpty(), p));
        x.text("datePublicationDonnees", Values.date(c.publicationDate(), p));
        if (!c.subcontracts().isEmpty()) {
            x.open("actesSousTraitance");
            for (SubcontractAct a : c.subcontracts()) {
                x.open("acteSousTraitance");
                x.text("id", a.rank());
                x.open("sousTraitant");
                x.text("id", a.subcontractor().id());
                x.text("typeIdentifiant", a.subcontractor().idType());
                x.close("sousTraitant");
                x.text("dureeMois", a.durationMonths());
                x.text("dateNotification", Values.date(a.notificationDate(), p));
                x.text("montant", Values.plain(a.amount()));
                x.text("variationPrix", a.priceVariation());
                x.text("datePublicationDonnees", Values.date(a.publicationDate(), p));
                x.close("acteSousTraitance");
            }
            x.close("actesSousTraitance");
        }
        if (!c.modifications().isEmpty()) {
            x.open("modifications");
            for (Change m : c.modifications()) {
                x.open("modification");
                x.text("id", m.rank());
                x.text("dureeMois", m.durationMonths());
                x.text("montant", m.amount() == null ? null : Values.plain(m.amount()));
                if (m.holders() != null) holdersV2(x, "titulaires", "titulaire", m.holders(), p);
                x.text("dateNotificationModification", Values.date(m.notificationDate(), p));
                x.text("datePublicationDonneesModification", Values.date(m.publicationDate(), p));
                x.close("modification");
            }
            x.close("modifications");
        }
        x.text("procedure", c.procedure());
        x.open("lieuExecution");
        x.text("code", c.placeCode());
        x.text("typeCode", c.placeType());
        x.close("lieuExecution");
        x.text("dureeMois", duration(c, p));
        if (!p.has(Defect.NOTIFICATION_DATE_MISSING)) x.text("dateNotification", Values.date(c.notificationDate(), p));
        x.text("montant", Values.amount(c.amount(), p));
        x.close("marche");
    }

    static void v2019(XmlOut x, Publication p) {
        SyntheticContract c = p.contract();
        String object = p.has(Defect.CONTROL_CHARACTER) ? insertControl(c.object()) : c.object();
        String root = c.concession() ? "contrat-concession" : "marche";
        x.open(root);
        if (!p.has(Defect.CONTRACT_ID_MISSING)) x.text("id", c.id());
        String buyer = c.concession() ? "autoriteConcedante" : "acheteur";
        x.open(buyer);
        if (!p.has(Defect.BUYER_ID_MISSING)) x.text("id", c.buyerId());
        x.text("nom", c.buyerName());
        x.close(buyer);
        x.text("nature", c.concession() ? c.nature() : Values.nature2019(c));
        x.text("objet", object);
        if (!c.concession()) x.text("codeCPV", Values.cpv(c.cpv(), p));
        x.text("procedure", c.concession() ? c.procedure() : Values.procedure2019(c.procedure(), p));
        x.open("lieuExecution");
        x.text("code", c.placeCode());
        x.text("typeCode", c.placeType());
        x.text("nom", c.placeName());
        x.close("lieuExecution");
        x.text("dureeMois", duration(c, p));
        if (!p.has(Defect.NOTIFICATION_DATE_MISSING)) {
            x.text(c.concession() ? "dateSignature" : "dateNotification", Values.date(c.notificationDate(), p));
        }
        x.text("datePublicationDonnees", Values.date(c.publicationDate(), p));
        if (c.concession()) {
            x.text("dateDebutExecution", Values.date(c.executionStart(), p));
            x.text("valeurGlobale", Values.amount(c.amount(), p));
            x.text("montantSubventionPublique", Values.plain(c.publicSubsidy()));
            x.empty("donneesExecution");
        } else {
            x.text("montant", Values.amount(c.amount(), p));
            x.text("formePrix", Values.priceForm2019(c));
        }
        String holders = c.concession() ? "concessionnaires" : "titulaires";
        holders2019(x, holders, c.concession() ? "concessionnaire" : "titulaire", c.holders(), p);
        if (c.modifications().isEmpty()) x.empty("modifications");
        else {
            x.open("modifications");
            for (Change m : c.modifications()) {
                x.open("modification");
                x.text("objetModification", m.object());
                x.text(c.concession() ? "dateSignatureModification" : "dateNotificationModification", Values.date(m.notificationDate(), p));
                x.text("datePublicationDonneesModification", Values.date(m.publicationDate(), p));
                x.text("dureeMois", m.durationMonths());
                x.text(c.concession() ? "valeurGlobale" : "montant", m.amount() == null ? null : Values.plain(m.amount()));
                if (m.holders() != null) holders2019(x, "titulaires", "titulaire", m.holders(), p);
                x.close("modification");
            }
            x.close("modifications");
        }
        x.close(root);
    }

    private static String insertControl(String s) {
        int at = s.indexOf(' ');
        return at < 0 ? s + CONTROL_CHAR : s.substring(0, at) + CONTROL_CHAR + s.substring(at);
    }

    private static String duration(SyntheticContract c, Publication p) {
        return p.has(Defect.DURATION_NC) ? "NC" : Integer.toString(c.durationMonths());
    }

    private static String bool(boolean v, Publication p) {
        return p.has(Defect.BOOLEAN_OUI_NON) ? (v ? "oui" : "non") : Boolean.toString(v);
    }

    private static void considerations(XmlOut x, SyntheticContract c) {
        x.open("considerationsEnvironnementales");
        for (String s : c.environmental()) x.text("considerationEnvironnementale", s);
        x.close("considerationsEnvironnementales");
        x.open("considerationsSociales");
        for (String s : c.social()) x.text("considerationSociale", s);
        x.close("considerationsSociales");
    }

    private static void holdersV2(XmlOut x, String wrapper, String item, List<Supplier> holders, Publication p) {
        x.open(wrapper);
        for (Supplier s : holders) {
            x.open(item);
            x.text("id", Values.holderId(s, holders, p));
            x.text("typeIdentifiant", Values.idType(s, p));
            x.close(item);
        }
        x.close(wrapper);
    }

    private static void holders2019(XmlOut x, String wrapper, String item, List<Supplier> holders, Publication p) {
        x.open(wrapper);
        for (Supplier s : holders) {
            x.open(item);
            x.text("typeIdentifiant", Values.idType(s, p));
            x.text("id", Values.holderId(s, holders, p));
            x.text("denominationSociale", s.name());
            x.close(item);
        }
        x.close(wrapper);
    }
}
