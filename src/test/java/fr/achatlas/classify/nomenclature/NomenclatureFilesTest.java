package fr.achatlas.classify.nomenclature;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NomenclatureFilesTest {

    @Test
    void shippedNomenclatureIsValidAndOfTheIntendedSize() {
        NomenclatureFiles.Parsed parsed = NomenclatureFiles.defaults();
        List<Issue> issues = NomenclatureValidator.validate(parsed, null);
        assertThat(issues).filteredOn(i -> i.level() == Issue.Level.ERREUR).isEmpty();
        Nomenclature n = parsed.nomenclature();
        assertThat(n.segments()).hasSizeBetween(12, 20);
        assertThat(n.families()).hasSizeBetween(100, 200);
        assertThat(n.families()).allSatisfy(f -> {
            assertThat(f.keywords()).as(f.code()).isNotEmpty();
            assertThat(n.segment(f.segmentCode())).as(f.code()).isNotNull();
        });
        // Every family is reachable by a CPV rule, so every family can be a training label.
        assertThat(n.families()).allSatisfy(f -> assertThat(n.rules(RuleKind.CPV)).anyMatch(r -> r.familyCode().equals(f.code())));
        assertThat(n.rules(RuleKind.ACCOUNT)).extracting(CrosswalkRule::code).contains("60632", "6135", "615221", "6226", "2313");
        assertThat(n.family("EXP01").label()).isEqualTo("Nettoyage de locaux et de vitres");
        assertThat(n.family("EXP01").esatEa()).isTrue();
        assertThat(n.family("BAT01").nature()).isEqualTo(Nature.TRAVAUX);
        assertThat(n.family("BAT01").homogeneous()).isFalse();
    }

    @Test
    void mostSpecificPrefixWinsAndBuyerRulesComeFirst() {
        Nomenclature n = NomenclatureFiles.defaults().nomenclature();
        List<CrosswalkRule> rules = new java.util.ArrayList<>(n.rules(RuleKind.CPV));
        rules.add(new CrosswalkRule(0, RuleKind.CPV, "90", "GEN06", 1, "21990000800018", CrosswalkRule.USER, null, null, null));
        CpvCrosswalk cw = new CpvCrosswalk(rules);
        assertThat(cw.match("90911200", null).code()).isEqualTo("9091");
        assertThat(cw.match("90911200", null).familyCode()).isEqualTo("EXP01");
        assertThat(cw.match("90511000", null).familyCode()).isEqualTo("DEC01");
        assertThat(cw.match("45233140", null).familyCode()).isEqualTo("TPU01");
        assertThat(cw.match("45000000", null).code()).isEqualTo("45");
        assertThat(cw.match("90911200", "21990000800018").familyCode()).isEqualTo("GEN06");
        assertThat(cw.match("90911200", "OTHER").familyCode()).isEqualTo("EXP01");
    }

    @Test
    void exportedFilesReadBackIdentically(@TempDir Path dir) throws Exception {
        Nomenclature n = NomenclatureFiles.defaults().nomenclature()
                .withRule(new CrosswalkRule(0, RuleKind.CPV, "909112", "GEN06", 1, "21990000800018", CrosswalkRule.USER, "correction ; test", "alice", null));
        NomenclatureFiles.writeDirectory(n, dir);
        NomenclatureFiles.Parsed back = NomenclatureFiles.parse(NomenclatureFiles.readDirectory(dir));
        assertThat(back.issues()).isEmpty();
        assertThat(back.nomenclature().families()).isEqualTo(n.families());
        assertThat(back.nomenclature().segments()).isEqualTo(n.segments());
        assertThat(back.nomenclature().rules()).hasSameSizeAs(n.rules());
        CrosswalkRule user = back.nomenclature().rules().stream().filter(r -> "909112".equals(r.code())).findFirst().orElseThrow();
        assertThat(user.buyerId()).isEqualTo("21990000800018");
        assertThat(user.origin()).isEqualTo(CrosswalkRule.USER);
        assertThat(user.comment()).isEqualTo("correction ; test");
    }

    @Test
    void validationNamesEachMistakeOfAnEditedFile() {
        Map<String, String> texts = new LinkedHashMap<>(NomenclatureFiles.readDefaults());
        texts.put(NomenclatureFiles.FAMILIES, texts.get(NomenclatureFiles.FAMILIES)
                + "ZZZ01;ZZZ;Famille d'un segment inconnu;SERVICES;oui;non;non;non;test\n"
                + "EXP01;EXP;Doublon;SERVICES;oui;non;non;non;test\n"
                + "XYZ02;EXP;Nature fausse;PRESTATIONS;oui;non;non;non;test\n");
        String cpv = texts.get(NomenclatureFiles.CPV).replaceAll("(?m)^77;ENV02;.*\\n", "");
        texts.put(NomenclatureFiles.CPV, cpv + "9091;GEN99;famille inconnue\n12ab;EXP01;mal formé\n");
        List<Issue> issues = NomenclatureValidator.validate(NomenclatureFiles.parse(texts), List.of("77400000", "90911000"));
        List<String> messages = issues.stream().filter(i -> i.level() == Issue.Level.ERREUR).map(Issue::message).toList();
        assertThat(messages).anyMatch(m -> m.contains("ZZZ01") && m.contains("segment « ZZZ » inconnu"));
        assertThat(messages).anyMatch(m -> m.contains("famille EXP01 en double"));
        assertThat(messages).anyMatch(m -> m.contains("nature « PRESTATIONS » inconnue"));
        assertThat(messages).anyMatch(m -> m.contains("GEN99") && m.contains("inconnue"));
        assertThat(messages).anyMatch(m -> m.contains("12AB") && m.contains("préfixe CPV"));
        assertThat(messages).anyMatch(m -> m.contains("division CPV 77 sans règle par défaut"));
        assertThat(messages).anyMatch(m -> m.contains("1 codes CPV de la liste n'atteignent aucune famille"));
    }
}
