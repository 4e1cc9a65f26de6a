package fr.achatlas.generate;

import fr.achatlas.generate.CpvCatalog.CpvEntry;
import fr.achatlas.generate.Geography.Commune;
import fr.achatlas.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written tables (CPV codes, communes, identifiers) are checked on their own and against the official files. */
class ReferenceTablesTest {

    @Test
    void cpvTableHasAboutOneHundredFiftyDistinctWellFormedCodesCoveringEveryFamily() {
        List<CpvEntry> all = CpvCatalog.all();
        assertThat(all.size()).isBetween(140, 220);
        assertThat(all).extracting(CpvEntry::code).doesNotHaveDuplicates().allMatch(c -> c.matches("\\d{8}-\\d"));
        for (Family f : Family.values()) assertThat(CpvCatalog.of(f)).as("%s", f).isNotEmpty();
        assertThat(all).extracting(CpvEntry::marketType).contains("Travaux", "Fournitures", "Services");
    }

    @Test
    void cpvCodesAndLabelsAreThoseOfTheOfficialNomenclature() throws IOException {
        Map<String, String> official = new HashMap<>();
        try (Stream<String> lines = Files.lines(SharedData.require("reference/cpv/cpv_2008_fr_en.csv"), StandardCharsets.UTF_8)) {
            lines.skip(1).forEach(l -> {
                List<String> f = csv(l);
                official.put(f.get(0), f.get(7));
            });
        }
        for (CpvEntry e : CpvCatalog.all()) {
            assertThat(official).as(e.code()).containsKey(e.code());
            assertThat(e.label()).as(e.code()).isEqualTo(official.get(e.code()));
        }
    }

    @Test
    void communesExistInTheOfficialGeographicCode() throws IOException {
        Map<String, Set<String>> names = new HashMap<>();
        try (Stream<String> lines = Files.lines(SharedData.require("reference/geo/cog2026_communes.csv"), StandardCharsets.UTF_8)) {
            lines.skip(1).forEach(l -> {
                List<String> f = csv(l);
                names.computeIfAbsent(f.get(1), k -> new HashSet<>()).add(f.get(9));
            });
        }
        List<Commune> all = new ArrayList<>();
        all.addAll(Geography.LOCAL);
        all.addAll(Geography.REGIONAL);
        all.addAll(Geography.NATIONAL);
        all.addAll(Geography.OVERSEAS);
        all.addAll(Geography.CORSICA);
        for (Commune c : all) assertThat(names.get(c.insee())).as(c.insee()).contains(c.name());
    }

    @Test
    void localCommunesAreInTheDepartementAndPostcodesLookFrench() {
        assertThat(Geography.LOCAL).allMatch(c -> c.departement().equals("35") && c.postcode().startsWith("35"));
        assertThat(Geography.REGIONAL).allMatch(c -> Set.of("22", "29", "56").contains(c.departement()));
        assertThat(Geography.OVERSEAS).allMatch(c -> c.departement().startsWith("97") && c.postcode().startsWith("97"));
    }

    @Test
    void generatedSiretsPassLuhnAndBrokenOnesDoNot() {
        var rnd = new java.util.SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            String siren = Ids.siren(String.valueOf(3 + i % 7), rnd);
            String siret = Ids.siret(siren, i);
            assertThat(siret).hasSize(14);
            assertThat(Ids.luhnValid(siren)).isTrue();
            assertThat(Ids.luhnValid(siret)).isTrue();
            assertThat(Ids.luhnValid(Ids.breakSiret(siret))).isFalse();
        }
        // Two real, published SIRETs: Ville de Rennes and the Bretagne région.
        assertThat(Ids.luhnValid("21350238800019")).isTrue();
        assertThat(Ids.luhnValid("23350001600040")).isTrue();
    }

    /** Minimal CSV split with quoted fields (the official files quote labels that contain commas). */
    static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }
}
