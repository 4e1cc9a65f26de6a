package fr.achatlas.classify.nomenclature;

import fr.achatlas.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every one of the 9 454 CPV 2008 codes reaches exactly one family of the shipped nomenclature. */
class CpvCoverageRealDataTest {

    @Test
    void everyOfficialCpvCodeMapsToExactlyOneFamily() throws Exception {
        Path csv = SharedData.require("reference/cpv/cpv_2008_fr_en.csv");
        List<String> codes = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<String> header = List.of(in.readLine().split(","));
            int index = header.indexOf("code8");
            for (String line = in.readLine(); line != null; line = in.readLine()) codes.add(line.split(",", index + 2)[index]);
        }
        assertThat(codes).hasSize(9454);
        Nomenclature n = NomenclatureFiles.defaults().nomenclature();
        List<CrosswalkRule> rules = n.rules(RuleKind.CPV).stream().filter(CrosswalkRule::isTerritoryWide).toList();
        // "Exactly one": no prefix carries two territory-wide rules, so the most specific match is unique.
        Set<String> prefixes = new HashSet<>();
        assertThat(rules).allSatisfy(r -> assertThat(prefixes.add(r.code())).as("prefix " + r.code()).isTrue());
        CpvCrosswalk crosswalk = new CpvCrosswalk(rules);
        Map<String, Integer> perFamily = new HashMap<>();
        for (String code : codes) {
            CrosswalkRule r = crosswalk.match(code, null);
            assertThat(r).as("CPV " + code).isNotNull();
            assertThat(n.family(r.familyCode())).as("CPV " + code + " → " + r.familyCode()).isNotNull();
            long candidates = rules.stream().filter(x -> code.startsWith(x.code()) && x.code().length() == r.code().length()).count();
            assertThat(candidates).isEqualTo(1);
            perFamily.merge(r.familyCode(), 1, Integer::sum);
        }
        assertThat(perFamily.keySet()).hasSize(n.families().size());
        assertThat(NomenclatureValidator.validate(NomenclatureFiles.defaults(), codes))
                .filteredOn(i -> i.level() == Issue.Level.ERREUR).isEmpty();
    }
}
