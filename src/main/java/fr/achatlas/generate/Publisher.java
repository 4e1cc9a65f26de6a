package fr.achatlas.generate;

import fr.achatlas.model.SourceFormat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Routes each buyer's contracts to the files of the platform it publishes on, as in real life: big buyers publish
 * v2 JSON on their own profile, small ones share a multi-buyer 2019-format platform, some go through the DGFiP PES flow
 * (2019 JSON, dates with timezone), the housing office exports v2 XML and the waste syndicate 2019 XML. Duplicates
 * across platforms and per-record defects are planted here, at the rates of docs/generator.md.
 */
final class Publisher {

    enum Channel {
        V2_JSON(SourceFormat.DECP_V2_JSON),
        PROFILE_2019(SourceFormat.DECP_2019_JSON),
        PES_2019(SourceFormat.DECP_2019_JSON),
        V2_XML(SourceFormat.DECP_V2_XML),
        XML_2019(SourceFormat.DECP_2019_XML);

        final SourceFormat format;

        Channel(SourceFormat format) {
            this.format = format;
        }
    }

    static final class OutFile {
        final String name;
        final Channel channel;
        final SourceFormat format;
        final String source;
        final boolean booleansAsNumbers;
        boolean bom;
        final List<Publication> records = new ArrayList<>();

        OutFile(String name, Channel channel, String source, boolean booleansAsNumbers) {
            this.name = name;
            this.channel = channel;
            this.format = channel.format;
            this.source = source;
            this.booleansAsNumbers = booleansAsNumbers;
        }
    }

    private static final double DUPLICATE_RATE = 0.05;

    private final TerritoryGenerator.Settings settings;
    private final RandomGenerator rnd;
    private final Map<String, OutFile> files = new LinkedHashMap<>();

    Publisher(TerritoryGenerator.Settings settings, RandomGenerator rnd) {
        this.settings = settings;
        this.rnd = rnd;
    }

    void publish(Buyer buyer, SyntheticContract c) {
        int year = c.notificationDate().getYear();
        OutFile home = file(buyer, year);
        home.records.add(new Publication(c, defects(home, c)));
        if (!c.joint() && rnd.nextDouble() < DUPLICATE_RATE) {
            // The DGFiP PES flow republishes what buyers put on their profile, and PES buyers also use the platform.
            OutFile other = home.channel == Channel.PES_2019 ? profileFile(year) : pesFile(year);
            EnumSet<Defect> d = defects(other, c);
            d.add(Defect.DUPLICATE_ACROSS_PLATFORMS);
            other.records.add(new Publication(c, d));
        }
    }

    /** 1 to 3 records per 2 000 lose their buyer id or contract id; plus the file-level BOM and control character. */
    void plantRejected() {
        List<Publication> candidates = new ArrayList<>();
        for (OutFile f : files()) {
            for (Publication p : f.records) if (!p.has(Defect.DUPLICATE_ACROSS_PLATFORMS)) candidates.add(p);
        }
        int n = Math.max(2, (int) Math.round(publishedCount() / 1000.0));
        for (int i = 0; i < n && !candidates.isEmpty(); i++) {
            Publication p = candidates.remove(rnd.nextInt(candidates.size()));
            p.defects().add(i % 2 == 0 ? Defect.BUYER_ID_MISSING : Defect.CONTRACT_ID_MISSING);
        }
        profileFile(settings.firstYear()).bom = true;
        files().stream().filter(f -> f.channel == Channel.V2_XML).reduce((a, b) -> b)
                .flatMap(f -> f.records.stream().filter(p -> !p.contract().concession() && p.defects().stream().noneMatch(Defect::rejectedByDesign)).findFirst())
                .ifPresent(p -> p.defects().add(Defect.CONTROL_CHARACTER));
    }

    /** Files in name order, so that the output does not depend on the order contracts were drawn in. */
    List<OutFile> files() {
        List<OutFile> list = new ArrayList<>(files.values());
        list.removeIf(f -> f.records.isEmpty());
        list.sort(Comparator.comparing(f -> f.name));
        return list;
    }

    int publishedCount() {
        return files.values().stream().mapToInt(f -> f.records.size()).sum();
    }

    int rejectedCount() {
        int n = 0;
        for (OutFile f : files.values()) for (Publication p : f.records) if (p.defects().stream().anyMatch(Defect::rejectedByDesign)) n++;
        return n;
    }

    SortedMap<String, Integer> defectCounts() {
        SortedMap<String, Integer> counts = new TreeMap<>();
        for (OutFile f : files()) {
            if (f.bom) counts.merge(Defect.UTF8_BOM.name(), 1, Integer::sum);
            for (Publication p : f.records) for (Defect d : p.defects()) counts.merge(d.name(), 1, Integer::sum);
        }
        return counts;
    }

    private OutFile file(Buyer b, int year) {
        return switch (b.kind()) {
            case DEPARTEMENT -> get("achatpublic_departement-ille-et-vilaine_" + year + "_v2.json", Channel.V2_JSON, false);
            case COMMUNAUTE_AGGLOMERATION -> get("megalis-bretagne_vilaine-seiche-agglomeration_" + year + "_v2.json", Channel.V2_JSON, false);
            case VILLE_CENTRE -> get("megalis-bretagne_ville-de-bruz_" + year + "_v2.json", Channel.V2_JSON, false);
            case CENTRE_HOSPITALIER -> get("marches-sante-ouest_ch-vilaine-seiche_" + year + "_v2.json", Channel.V2_JSON, true);
            case OFFICE_HABITAT -> get("marches-securises_vilaine-seiche-habitat_" + year + "_v2.xml", Channel.V2_XML, false);
            case SYNDICAT_MIXTE -> get("e-marchespublics_smictom-vilaine-seiche_" + year + "_decp2019.xml", Channel.XML_2019, false);
            case SDIS -> pesFile(year);
            case COMMUNE -> b.communeInsee().equals("35066") || b.communeInsee().equals("35206") ? pesFile(year) : profileFile(year);
            case CCAS -> profileFile(year);
        };
    }

    private OutFile pesFile(int year) {
        return get("dgfip-pes_multi-acheteurs_" + year + "_decp2019.json", Channel.PES_2019, false);
    }

    private OutFile profileFile(int year) {
        return get("marchespublics-bretagne_multi-acheteurs_" + year + "_decp2019.json", Channel.PROFILE_2019, false);
    }

    private OutFile get(String name, Channel channel, boolean booleansAsNumbers) {
        return files.computeIfAbsent(name, n -> new OutFile(n, channel,
                channel == Channel.PES_2019 ? "dgfip_pes" : null, booleansAsNumbers));
    }

    private EnumSet<Defect> defects(OutFile f, SyntheticContract c) {
        EnumSet<Defect> d = EnumSet.noneOf(Defect.class);
        boolean v2 = f.format.isV2();
        boolean json = !f.format.isXml();
        if (c.holders().stream().anyMatch(h -> "SIRET".equals(h.idType())) && rnd.nextDouble() < 0.02) d.add(Defect.HOLDER_SIRET_INVALID);
        if (!c.concession()) {
            double u = rnd.nextDouble();
            if (u < 0.003) d.add(Defect.AMOUNT_TIMES_100);
            else if (u < 0.007) d.add(Defect.AMOUNT_TOO_LOW);
        }
        if (rnd.nextDouble() < (v2 ? 0.01 : 0.02)) d.add(Defect.NOTIFICATION_DATE_MISSING);
        if (c.holders().stream().anyMatch(h -> !"SIRET".equals(h.idType())) && rnd.nextDouble() < (v2 ? 0.3 : 0.6)) {
            d.add(Defect.ID_TYPE_OUT_OF_ENUM);
        }
        if (rnd.nextDouble() < (json && !v2 ? 0.01 : 0.005)) d.add(Defect.DURATION_NC);
        if (json && !d.contains(Defect.DURATION_NC) && rnd.nextDouble() < 0.03) d.add(Defect.NUMBER_AS_STRING);
        if (!c.concession()) {
            if (f.channel == Channel.PROFILE_2019 || f.channel == Channel.PES_2019) {
                if (c.cpv().startsWith("0") && rnd.nextDouble() < 0.5) d.add(Defect.CPV_LEADING_ZERO_LOST);
            }
            if (!d.contains(Defect.CPV_LEADING_ZERO_LOST) && rnd.nextDouble() < (v2 ? 0.03 : 0.25)) d.add(Defect.CPV_NO_CHECK_DIGIT);
            if (!v2 && Values.hasPre2019Label(c.procedure()) && rnd.nextDouble() < (f.channel == Channel.PES_2019 ? 0.7 : 0.25)) {
                d.add(Defect.PROCEDURE_PRE2019_LABEL);
            }
            if (f.booleansAsNumbers) d.add(Defect.BOOLEAN_AS_NUMBER);
            if (f.channel == Channel.V2_XML) d.add(Defect.BOOLEAN_OUI_NON);
        }
        if (f.channel == Channel.PES_2019) d.add(Defect.DATE_WITH_TIMEZONE);
        return d;
    }
}
