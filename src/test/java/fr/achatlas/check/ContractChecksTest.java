package fr.achatlas.check;

import fr.achatlas.model.Contract;
import fr.achatlas.model.Finding;
import fr.achatlas.model.Party;
import fr.achatlas.model.Rule;
import fr.achatlas.model.Severity;
import fr.achatlas.testing.Contracts;
import org.assertj.core.api.ListAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static fr.achatlas.testing.Contracts.BUYER_SIRET;
import static fr.achatlas.testing.Contracts.HOLDER_SIRET;
import static fr.achatlas.testing.Contracts.IMPORT_DATE;
import static fr.achatlas.testing.Contracts.NOTIFIED;
import static fr.achatlas.testing.Contracts.concession;
import static fr.achatlas.testing.Contracts.holder;
import static fr.achatlas.testing.Contracts.marche;
import static fr.achatlas.testing.Contracts.modification;
import static fr.achatlas.testing.Contracts.siret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ContractChecksTest {

    private final ContractChecks checks = new ContractChecks(IMPORT_DATE);

    private List<Finding> check(Contracts.Builder b) {
        return checks.check(b.build());
    }

    /** The only findings of the record, as (rule, field, value). */
    private static ListAssert<Tuple> assertFindings(List<Finding> findings) {
        return assertThat(findings.stream().map(f -> tuple(f.rule(), f.field(), f.value())).toList());
    }

    @Test
    void the_default_marche_and_concession_pass_every_check() {
        assertThat(check(marche())).isEmpty();
        assertThat(check(concession())).isEmpty();
    }

    @Test
    void findings_carry_the_severity_of_their_rule() {
        List<Finding> findings = check(marche().withBuyer(null).withId(" ").withAmount("-5"));
        assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Rule.valueOf(f.rule()).severity()));
        assertThat(findings).extracting(Finding::severity).contains(Severity.FATAL, Severity.WARNING);
    }

    @Test
    void checks_never_change_the_contract() {
        Contract c = marche().withAmount("-5").withDurationMonths(999).build();
        Contract copy = marche().withAmount("-5").withDurationMonths(999).build();
        checks.check(c);
        assertThat(c).isEqualTo(copy);
    }

    @Nested
    class Identity {
        @Test
        void buyer_id_missing_is_fatal() {
            assertFindings(check(marche().withBuyer(null)))
                    .containsExactly(tuple("BUYER_ID_MISSING", "acheteur.id", null));
            assertFindings(check(marche().withBuyer(new Party("", "SIRET", null, "Mairie"))))
                    .containsExactly(tuple("BUYER_ID_MISSING", "acheteur.id", null));
            assertThat(check(marche().withBuyer(null)).getFirst().severity()).isEqualTo(Severity.FATAL);
        }

        @Test
        void concession_buyer_is_the_autorite_concedante() {
            assertFindings(check(concession().withBuyer(null)))
                    .containsExactly(tuple("BUYER_ID_MISSING", "autoriteConcedante.id", null));
        }

        @Test
        void contract_id_missing_is_fatal() {
            List<Finding> findings = check(marche().withId(null));
            assertFindings(findings).containsExactly(tuple("CONTRACT_ID_MISSING", "id", null));
            assertThat(findings.getFirst().severity()).isEqualTo(Severity.FATAL);
        }

        @Test
        void buyer_siret_with_a_wrong_key_is_a_warning_naming_the_value() {
            List<Finding> findings = check(marche().withBuyerId("12345678901234"));
            assertFindings(findings).containsExactly(tuple("BUYER_SIRET_INVALID", "acheteur.id", "12345678901234"));
            assertThat(findings.getFirst().message())
                    .isEqualTo("Acheteur : SIRET 12345678901234 : la clé de contrôle (Luhn) est fausse.");
        }

        @Test
        void buyer_siret_with_13_digits_is_invalid() {
            List<Finding> findings = check(marche().withBuyerId("2199000010001"));
            assertFindings(findings).containsExactly(tuple("BUYER_SIRET_INVALID", "acheteur.id", "2199000010001"));
            assertThat(findings.getFirst().message()).contains("13 caractères au lieu de 14");
        }

        @Test
        void la_poste_buyer_siret_is_valid() {
            assertThat(check(marche().withBuyerId("35600000012346"))).isEmpty();
        }
    }

    @Nested
    class Holders {
        @Test
        void no_holder_at_all() {
            assertFindings(check(marche().withoutHolders())).containsExactly(tuple("HOLDER_MISSING", "titulaires", null));
            assertFindings(check(marche().withHolders())).containsExactly(tuple("HOLDER_MISSING", "titulaires", null));
            assertFindings(check(concession().withHolders()))
                    .containsExactly(tuple("HOLDER_MISSING", "concessionnaires", null));
        }

        @Test
        void holder_without_id() {
            List<Finding> findings = check(marche().withHolders(siret(HOLDER_SIRET), new Party(null, "SIRET", null, "Paysages SAS")));
            assertFindings(findings).containsExactly(tuple("HOLDER_ID_MISSING", "titulaires[2].id", null));
            assertThat(findings.getFirst().message()).isEqualTo("Titulaire n° 2 sans identifiant (Paysages SAS).");
        }

        @Test
        void holder_siret_invalid_names_its_position() {
            List<Finding> findings = check(marche().withHolders(siret(HOLDER_SIRET), siret("12345678901234")));
            assertFindings(findings).containsExactly(tuple("HOLDER_SIRET_INVALID", "titulaires[2].id", "12345678901234"));
            assertThat(findings.getFirst().message()).contains("SIRET 12345678901234 : la clé de contrôle (Luhn) est fausse.");
        }

        @Test
        void holder_siret_of_15_digits_is_invalid() {
            assertFindings(check(marche().withHolders(siret("412345670000190"))))
                    .containsExactly(tuple("HOLDER_SIRET_INVALID", "titulaires[1].id", "412345670000190"));
        }

        @Test
        void la_poste_holder_is_valid() {
            assertThat(check(marche().withHolders(siret("35600000012346")))).isEmpty();
        }

        @Test
        void non_siret_identifiers_are_checked_against_their_type_pattern() {
            List<Finding> findings = check(marche().withHolders(
                    holder("DE123456789", "TVA"),
                    holder("FR9340T65190900033", "TVA"),
                    holder("123456001", "TAHITI"),
                    holder("12345", "TAHITI"),
                    holder("1234567001", "RIDET"),
                    holder("FRWF1234", "FRWF"),
                    holder("WF1234", "FRWF"),
                    holder("USACMECORP", "HORS_UE")));
            assertFindings(findings).containsExactly(
                    tuple("HOLDER_ID_PATTERN", "titulaires[2].id", "FR9340T65190900033"),
                    tuple("HOLDER_ID_PATTERN", "titulaires[4].id", "12345"),
                    tuple("HOLDER_ID_PATTERN", "titulaires[7].id", "WF1234"));
            assertThat(findings.getFirst().message()).startsWith("Identifiant FR9340T65190900033 de type TVA non conforme");
        }

        @Test
        void unknown_or_missing_type_is_not_pattern_checked() {
            // ID_TYPE_UNKNOWN is the parser's finding; guessing a pattern here would double-count.
            assertThat(check(marche().withHolders(holder("XYZ", "FRW"), holder("XYZ-1", null)))).isEmpty();
        }

        @Test
        void holder_identical_to_buyer() {
            assertFindings(check(marche().withHolders(siret(BUYER_SIRET))))
                    .containsExactly(tuple("HOLDER_IS_BUYER", "titulaires[1].id", BUYER_SIRET));
        }

        @Test
        void holders_of_modifications_are_checked_with_their_path() {
            List<Finding> findings = check(marche().withModifications(
                    modification(1).withAmount("52000"),
                    modification(2).withHolders(siret(HOLDER_SIRET), siret("12345678901234"))));
            assertFindings(findings).containsExactly(
                    tuple("HOLDER_SIRET_INVALID", "modifications[2].titulaires[2].id", "12345678901234"));
        }

        @Test
        void a_holder_both_initial_and_in_a_modification_is_reported_at_each_place() {
            List<Finding> findings = check(marche().withHolders(siret(BUYER_SIRET))
                    .withModifications(modification(1).withHolders(siret(BUYER_SIRET))));
            assertFindings(findings).containsExactly(
                    tuple("HOLDER_IS_BUYER", "titulaires[1].id", BUYER_SIRET),
                    tuple("HOLDER_IS_BUYER", "modifications[1].titulaires[1].id", BUYER_SIRET));
        }
    }

    @Nested
    class Amounts {
        @Test
        void amount_missing_keeps_the_unreadable_text() {
            assertFindings(check(marche().withAmount(null))).containsExactly(tuple("AMOUNT_MISSING", "montant", null));
            List<Finding> findings = check(marche().withAmountOriginal("12 000,00 HT"));
            assertFindings(findings).containsExactly(tuple("AMOUNT_MISSING", "montant", "12 000,00 HT"));
            assertThat(findings.getFirst().message()).contains("« 12 000,00 HT »");
        }

        @Test
        void negative_amount_is_only_negative() {
            assertFindings(check(marche().withAmount("-1500"))).containsExactly(tuple("AMOUNT_NEGATIVE", "montant", "-1500"));
        }

        @Test
        void amount_just_under_the_floor_is_too_low() {
            List<Finding> findings = check(marche().withAmount("199.99"));
            assertFindings(findings).containsExactly(tuple("AMOUNT_TOO_LOW", "montant", "199.99"));
            assertThat(findings.getFirst().message())
                    .isEqualTo("Montant de 199.99 € inférieur au plancher de vraisemblance de 200 €.");
            assertThat(check(marche().withAmount("200"))).isEmpty();
        }

        @Test
        void zero_is_too_low_for_an_ordinary_marche() {
            assertFindings(check(marche().withAmount("0"))).containsExactly(tuple("AMOUNT_TOO_LOW", "montant", "0"));
        }

        @Test
        void zero_means_no_minimum_for_a_framework_agreement_and_a_concession() {
            assertThat(check(marche().withNature("Accord-cadre").withAmount("0"))).isEmpty();
            assertThat(check(marche().withTechniques("Accord-cadre").withAmount("0.00"))).isEmpty();
            assertThat(check(concession().withAmount("0"))).isEmpty();
            // …but a small non-zero amount is still implausible for them.
            assertFindings(check(marche().withNature("Accord-cadre").withAmount("50")))
                    .containsExactly(tuple("AMOUNT_TOO_LOW", "montant", "50"));
        }

        @Test
        void amount_above_the_ceiling_is_too_high() {
            assertThat(check(marche().withAmount("5000000000"))).isEmpty();
            assertFindings(check(concession().withAmount("5000000000.01")))
                    .containsExactly(tuple("AMOUNT_TOO_HIGH", "valeurGlobale", "5000000000.01"));
        }

        @Test
        void modification_amounts_are_checked_too() {
            assertFindings(check(marche().withModifications(modification(1).withAmount("-3"),
                    modification(2).withAmount("9000000000"))))
                    .containsExactly(tuple("AMOUNT_NEGATIVE", "modifications[1].montant", "-3"),
                            tuple("AMOUNT_TOO_HIGH", "modifications[2].montant", "9000000000"));
        }
    }

    @Nested
    class Durations {
        @Test
        void duration_missing_or_unreadable() {
            assertFindings(check(marche().withDurationMonths(null))).containsExactly(tuple("DURATION_MISSING", "dureeMois", null));
            assertFindings(check(marche().withDurationOriginal("NC"))).containsExactly(tuple("DURATION_MISSING", "dureeMois", "NC"));
        }

        @Test
        void duration_bounds() {
            assertFindings(check(marche().withDurationMonths(0))).containsExactly(tuple("DURATION_OUT_OF_RANGE", "dureeMois", "0"));
            assertFindings(check(marche().withDurationMonths(181))).containsExactly(tuple("DURATION_OUT_OF_RANGE", "dureeMois", "181"));
            assertThat(check(marche().withDurationMonths(1))).isEmpty();
            assertThat(check(marche().withDurationMonths(180))).isEmpty();
        }

        @Test
        void modification_durations_are_checked_too() {
            assertFindings(check(marche().withModifications(modification(3).withDurationMonths(1201))))
                    .containsExactly(tuple("DURATION_OUT_OF_RANGE", "modifications[3].dureeMois", "1201"));
        }
    }

    @Nested
    class Dates {
        @Test
        void notification_missing_for_a_marche() {
            assertFindings(check(marche().withNotificationDate(null).withPublicationDate(null)))
                    .containsExactly(tuple("NOTIFICATION_DATE_MISSING", "dateNotification", null));
            assertFindings(check(marche().withNotificationDate(null).withNotificationDateOriginal("2019-13-45")
                    .withPublicationDate(null)))
                    .containsExactly(tuple("NOTIFICATION_DATE_MISSING", "dateNotification", "2019-13-45"));
        }

        @Test
        void a_marche_dated_only_by_a_signature_is_undated() {
            assertThat(check(marche().withNotificationDate(null).withSignatureDate(NOTIFIED)))
                    .extracting(Finding::rule).containsExactly("NOTIFICATION_DATE_MISSING");
        }

        @Test
        void a_concession_is_dated_by_its_signature() {
            Contract c = concession().build();
            assertThat(c.notificationDate()).isNull();
            assertThat(checks.check(c)).isEmpty();
            assertFindings(check(concession().withSignatureDate(null)))
                    .containsExactly(tuple("NOTIFICATION_DATE_MISSING", "dateSignature", null));
        }

        @Test
        void dates_before_2000_are_too_old() {
            assertFindings(check(marche().withNotificationDate(LocalDate.of(1999, 12, 31)).withPublicationDate(null)))
                    .containsExactly(tuple("DATE_TOO_OLD", "dateNotification", "1999-12-31"));
            assertFindings(check(marche().withNotificationDate(LocalDate.of(209, 3, 1)).withNotificationDateOriginal("0209-03-01")
                    .withPublicationDate(null)))
                    .containsExactly(tuple("DATE_TOO_OLD", "dateNotification", "0209-03-01"));
            assertFindings(check(concession().withExecutionStartDate(LocalDate.of(1998, 1, 1))))
                    .containsExactly(tuple("DATE_TOO_OLD", "dateDebutExecution", "1998-01-01"));
        }

        @Test
        void dates_more_than_31_days_after_the_import_are_in_the_future() {
            LocalDate limit = IMPORT_DATE.plusDays(31);
            assertThat(check(marche().withNotificationDate(limit).withPublicationDate(limit))).isEmpty();
            assertFindings(check(marche().withNotificationDate(limit.plusDays(1)).withPublicationDate(null)))
                    .containsExactly(tuple("DATE_IN_FUTURE", "dateNotification", limit.plusDays(1).toString()));
            assertFindings(check(concession().withSignatureDate(LocalDate.of(2030, 1, 1)).withPublicationDate(null)
                    .withExecutionStartDate(LocalDate.of(2031, 1, 1))))
                    .containsExactly(tuple("DATE_IN_FUTURE", "dateSignature", "2030-01-01"));
            assertFindings(check(marche().withModifications(modification(1).withDate(LocalDate.of(2028, 2, 1)))))
                    .containsExactly(tuple("DATE_IN_FUTURE", "modifications[1].dateNotificationModification", "2028-02-01"));
        }

        @Test
        void publication_before_notification() {
            List<Finding> findings = check(marche().withPublicationDate(NOTIFIED.minusDays(3)));
            assertFindings(findings).containsExactly(
                    tuple("PUBLICATION_BEFORE_NOTIFICATION", "datePublicationDonnees", "2024-03-12"));
            assertThat(findings.getFirst().message())
                    .isEqualTo("Données publiées le 2024-03-12, avant la notification (2024-03-15).");
            assertThat(check(marche().withPublicationDate(NOTIFIED))).isEmpty();
        }

        @Test
        void modification_published_before_it_was_made() {
            assertFindings(check(marche().withModifications(modification(1).withDate(LocalDate.of(2024, 6, 1))
                    .withPublicationDate(LocalDate.of(2024, 5, 20)))))
                    .containsExactly(tuple("PUBLICATION_BEFORE_NOTIFICATION",
                            "modifications[1].datePublicationDonneesModification", "2024-05-20"));
        }

        @Test
        void modification_before_notification() {
            assertFindings(check(marche().withModifications(modification(1).withDate(NOTIFIED.minusMonths(1)))))
                    .containsExactly(tuple("MODIFICATION_BEFORE_NOTIFICATION",
                            "modifications[1].dateNotificationModification", "2024-02-15"));
            assertFindings(check(concession().withModifications(modification(1).withDate(NOTIFIED.minusDays(1)))))
                    .containsExactly(tuple("MODIFICATION_BEFORE_NOTIFICATION",
                            "modifications[1].dateSignatureModification", "2024-03-14"));
        }
    }

    @Nested
    class OtherValues {
        @Test
        void no_consideration_declared_with_another_one() {
            assertFindings(check(marche().withSocialConsiderations("Pas de considération sociale", "Clause sociale")))
                    .containsExactly(tuple("CONSIDERATIONS_INCONSISTENT", "considerationsSociales",
                            "Clause sociale | Pas de considération sociale"));
            assertFindings(check(marche().withEnvironmentalConsiderations("Critère environnemental",
                    "Pas de considération environnementale")))
                    .containsExactly(tuple("CONSIDERATIONS_INCONSISTENT", "considerationsEnvironnementales",
                            "Critère environnemental | Pas de considération environnementale"));
            assertThat(check(marche().withSocialConsiderations("Clause sociale", "Critère social"))).isEmpty();
        }

        @Test
        void offers_received() {
            assertFindings(check(marche().withOffersReceived(0))).containsExactly(tuple("OFFERS_RECEIVED_ABERRANT", "offresRecues", "0"));
            assertFindings(check(marche().withOffersReceived(1000))).containsExactly(tuple("OFFERS_RECEIVED_ABERRANT", "offresRecues", "1000"));
            assertThat(check(marche().withOffersReceived(999))).isEmpty();
            assertThat(check(marche().withOffersReceived(null))).isEmpty();
        }

        @Test
        void origin_shares_between_0_and_1() {
            assertFindings(check(marche().withOriginUe("25").withOriginFrance("-0.1")))
                    .containsExactly(tuple("ORIGIN_OUT_OF_RANGE", "origineUE", "25"),
                            tuple("ORIGIN_OUT_OF_RANGE", "origineFrance", "-0.1"));
            assertThat(check(marche().withOriginUe("1").withOriginFrance("0"))).isEmpty();
        }

        @Test
        void advance_rate_between_0_and_1() {
            assertFindings(check(marche().withAdvanceRate("30"))).containsExactly(tuple("ADVANCE_RATE_OUT_OF_RANGE", "tauxAvance", "30"));
            assertThat(check(marche().withAdvanceRate("0.3"))).isEmpty();
        }

        @Test
        void object_missing() {
            assertFindings(check(marche().withObject("  "))).containsExactly(tuple("OBJECT_MISSING", "objet", "  "));
            assertFindings(check(marche().withObject(null))).containsExactly(tuple("OBJECT_MISSING", "objet", null));
        }
    }

    @Nested
    class Cpv {
        @Test
        void without_vocabulary_only_the_structure_is_checked() {
            assertThat(check(marche().withCpv("45000000"))).isEmpty();
            assertThat(check(marche().withCpv("45999999"))).isEmpty(); // not in CPV 2008, but structurally fine
            assertFindings(check(marche().withCpv("46000000"))).containsExactly(tuple("CPV_INVALID", "codeCPV", "46000000"));
            assertFindings(check(marche().withCpv("4500000"))).containsExactly(tuple("CPV_INVALID", "codeCPV", "4500000"));
        }

        @Test
        void with_a_vocabulary_the_code_must_be_in_it() {
            ContractChecks withVocabulary = new ContractChecks(IMPORT_DATE, CpvVocabulary.of(Set.of("77310000", "09310000")));
            assertThat(withVocabulary.check(marche().withCpv("77310000").build())).isEmpty();
            List<Finding> findings = withVocabulary.check(marche().withCpv("45999999").build());
            assertFindings(findings).containsExactly(tuple("CPV_INVALID", "codeCPV", "45999999"));
            assertThat(findings.getFirst().message()).isEqualTo("Code CPV 45999999 absent de la nomenclature CPV 2008.");
        }

        @Test
        void the_value_reported_is_the_code_as_published() {
            ContractChecks withVocabulary = new ContractChecks(IMPORT_DATE, CpvVocabulary.of(Set.of("77310000")));
            assertFindings(withVocabulary.check(marche().withCpv("09310000").withCpvOriginal("9310000").build()))
                    .containsExactly(tuple("CPV_INVALID", "codeCPV", "9310000"));
        }

        @Test
        void a_missing_cpv_is_left_to_the_parser() {
            assertThat(check(marche().withCpv(null))).isEmpty();
        }
    }
}
