package fr.achatlas.check;

import fr.achatlas.model.Rule;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class RuleTableDocTest {

    @Test
    void docs_rules_md_holds_the_current_rendering() throws Exception {
        String doc = Files.readString(Path.of("docs/rules.md"), StandardCharsets.UTF_8);
        assertThat(doc)
                .as("docs/rules.md is out of date: run RuleTableDoc.main(\"docs/rules.md\") and commit the result")
                .contains(RuleTableDoc.render());
    }

    @Test
    void every_rule_is_rendered_once_with_its_severity_and_description() {
        String md = RuleTableDoc.render();
        for (Rule rule : Rule.values()) {
            String row = "| `" + rule.name() + "` | " + rule.severity() + " | " + rule.description().replace("|", "\\|") + " |";
            assertThat(md).contains(row);
            assertThat(md.split("\\| `" + rule.name() + "` \\|", -1)).as(rule.name()).hasSize(2);
        }
    }

    @Test
    void every_check_rule_has_its_exact_condition() {
        Rule[] checkRules = Arrays.stream(Rule.values())
                .filter(r -> RuleTableDoc.Section.of(r) == RuleTableDoc.Section.CHECKS).toArray(Rule[]::new);
        assertThat(checkRules).startsWith(Rule.BUYER_ID_MISSING).endsWith(Rule.OBJECT_MISSING);
        assertThat(RuleTableDoc.conditions()).containsKeys(checkRules);
    }

    @Test
    void sections_follow_the_rule_table() {
        assertThat(RuleTableDoc.Section.of(Rule.PARSE_ERROR)).isEqualTo(RuleTableDoc.Section.READING);
        assertThat(RuleTableDoc.Section.of(Rule.CPV_INVALID)).isEqualTo(RuleTableDoc.Section.READING);
        assertThat(RuleTableDoc.Section.of(Rule.BOOLEAN_INVALID)).isEqualTo(RuleTableDoc.Section.READING);
        assertThat(RuleTableDoc.Section.of(Rule.BUYER_ID_MISSING)).isEqualTo(RuleTableDoc.Section.CHECKS);
        assertThat(RuleTableDoc.Section.of(Rule.ID_REUSED)).isEqualTo(RuleTableDoc.Section.STORE);
    }

    @Test
    void conditions_quote_the_thresholds_in_force() {
        String md = RuleTableDoc.render();
        assertThat(md).contains("< 200 €", "> 5 000 000 000 €", "> 180 mois", "2000-01-01", "+ 31 jours", "> 999",
                "SIREN 356000000", "FR[0-9A-Z]{2}[0-9]{9}");
    }

    @Test
    void regenerating_replaces_only_the_marked_part() {
        String text = "# Titre\n\nIntroduction.\n\n" + RuleTableDoc.BEGIN_MARKER + "\nancien contenu\n"
                + RuleTableDoc.END_MARKER + "\n\nConclusion.\n";
        String regenerated = RuleTableDoc.replaceGenerated(text);
        assertThat(regenerated).startsWith("# Titre\n\nIntroduction.\n\n" + RuleTableDoc.render())
                .endsWith("\nConclusion.\n").doesNotContain("ancien contenu");
    }
}
