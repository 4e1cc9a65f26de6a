package fr.achatlas.classify;

import fr.achatlas.classify.nomenclature.CrosswalkRule;
import fr.achatlas.classify.nomenclature.Nomenclature;
import fr.achatlas.classify.nomenclature.NomenclatureFiles;
import fr.achatlas.classify.nomenclature.RuleKind;
import fr.achatlas.classify.text.TextModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine on hand-built inputs: contracts and spending lines (fictional buyers, suppliers and labels). */
class ClassificationEngineTest {

    static final String BUYER = "21990000800018";
    static final String CLEANER = "412345678";
    static Nomenclature nomenclature;
    static TextModel model;
    static SupplierProfiles suppliers;

    /** A small fictional territory: contracts with specific CPV codes train the text model and supplier profiles. */
    @BeforeAll
    static void train() {
        nomenclature = NomenclatureFiles.defaults().nomenclature()
                .withRule(new CrosswalkRule(900, RuleKind.BUYER_CODE, "F-NET", "EXP01", 1, BUYER, CrosswalkRule.USER, "code interne nettoyage", "alice", null))
                .withRule(new CrosswalkRule(901, RuleKind.CPV, "34", "MOB04", 1, "22990000100011", CrosswalkRule.USER, "tout le 34 en entretien pour ce syndicat", "bob", null));
        List<ClassificationInput> territory = new ArrayList<>();
        long k = 1;
        for (int i = 0; i < 6; i++) {
            territory.add(ClassificationInput.contract(k++, BUYER, "90911200", "Nettoyage des locaux de la mairie annexe " + i, CLEANER));
            territory.add(ClassificationInput.contract(k++, BUYER, "77310000", "Entretien des espaces verts et tonte des pelouses secteur " + i, "523456789"));
            territory.add(ClassificationInput.contract(k++, BUYER, "45233140", "Travaux de voirie et réfection de chaussée rue " + i, "623456789"));
            territory.add(ClassificationInput.contract(k++, BUYER, "45442100", "Travaux de peinture intérieure du groupe scolaire " + i, "723456789"));
        }
        model = TextTraining.train(nomenclature, territory);
        suppliers = new SupplierProfiles();
        for (ClassificationInput in : territory) {
            suppliers.add(in.supplierSiren(), new fr.achatlas.classify.nomenclature.CpvCrosswalk(nomenclature.rules(RuleKind.CPV)).match(in.cpv(), null).familyCode());
        }
    }

    private static ClassificationEngine engine() {
        return new ClassificationEngine(nomenclature, model, suppliers, Map.of(), key -> key == 77L ? "ENV02" : null);
    }

    @Test
    void specificCpvDecidesWithItsRuleAndTheTextConfirms() {
        Classification c = engine().classify(ClassificationInput.contract(100, BUYER, "90910000", "Nettoyage de locaux administratifs", null));
        assertThat(c.familyCode()).isEqualTo("EXP01");
        assertThat(c.method()).isEqualTo(Method.CPV);
        assertThat(c.evidence()).startsWith("CPV 90910000 → EXP01 Nettoyage de locaux et de vitres (règle cpv:9091)");
        assertThat(c.evidence()).contains("texte concordant").contains("« nettoyage");
        assertThat(c.confidence()).isGreaterThanOrEqualTo(0.95);
        assertThat(c.conflict()).isFalse();
        assertThat(c.needsReview()).isFalse();
    }

    @Test
    void cpvAndTextDisagreeingIsAVisibleConflict() {
        Classification c = engine().classify(ClassificationInput.contract(101, BUYER, "90910000", "Entretien des espaces verts et tonte", null));
        assertThat(c.familyCode()).isEqualTo("EXP01");
        assertThat(c.conflict()).isTrue();
        assertThat(c.alternativeFamilyCode()).isEqualTo("ENV02");
        assertThat(c.evidence()).contains("CONFLIT : le texte oriente vers ENV02");
        assertThat(c.needsReview()).isTrue();
    }

    @Test
    void supplierAlwaysInAnotherFamilyIsAConflict() {
        Classification c = engine().classify(ClassificationInput.contract(102, BUYER, "30192000", null, CLEANER));
        assertThat(c.familyCode()).isEqualTo("BUR01");
        assertThat(c.conflict()).isTrue();
        assertThat(c.alternativeFamilyCode()).isEqualTo("EXP01");
        assertThat(c.evidence()).contains("fournisseur classé à 100 % en EXP01");
    }

    @Test
    void divisionOnlyCpvGetsATextProposalAmongTheDivisionsFamilies() {
        Classification c = engine().classify(ClassificationInput.contract(103, BUYER, "45000000", "Travaux de peinture des classes", null));
        assertThat(c.method()).isEqualTo(Method.TEXT);
        assertThat(c.familyCode()).isEqualTo("BAT08");
        assertThat(c.evidence()).startsWith("CPV 45000000 trop générique (division 45)");
        // Even a text pointing elsewhere stays within the division's families.
        Classification d = engine().classify(ClassificationInput.contract(104, BUYER, "45000000", "Nettoyage des locaux", null));
        assertThat(nomenclature.family(d.familyCode()).segmentCode()).isIn("BAT", "TPU", "ENV", "GEN");
    }

    @Test
    void missingOrInvalidCpvGetsATextProposal() {
        Classification c = engine().classify(ClassificationInput.contract(105, BUYER, null, "Tonte des pelouses et entretien des espaces verts", null));
        assertThat(c.familyCode()).isEqualTo("ENV02");
        assertThat(c.method()).isEqualTo(Method.TEXT);
        assertThat(c.evidence()).startsWith("sans CPV ; proposition ENV02");
        Classification i = engine().classify(ClassificationInput.contract(106, BUYER, "1234", "Réfection de chaussée", null));
        assertThat(i.familyCode()).isEqualTo("TPU01");
        assertThat(i.evidence()).startsWith("CPV « 1234 » invalide");
    }

    @Test
    void supplierDominantFamilyAndNafDecideWithoutTextOrCode() {
        Classification s = engine().classify(ClassificationInput.contract(107, BUYER, null, null, CLEANER));
        assertThat(s.familyCode()).isEqualTo("EXP01");
        assertThat(s.method()).isEqualTo(Method.SUPPLIER);
        assertThat(s.evidence()).contains("100 % de ses 6 marchés");
        Classification n = engine().classify(new ClassificationInput(SubjectKind.CONTRACT, 108, BUYER, null, null, null, null, "999999999", "81.21Z", null));
        assertThat(n.familyCode()).isEqualTo("EXP01");
        assertThat(n.method()).isEqualTo(Method.NAF);
        assertThat(n.evidence()).contains("NAF 81.21Z");
        Classification none = engine().classify(ClassificationInput.contract(109, BUYER, null, null, null));
        assertThat(none.familyCode()).isNull();
        assertThat(none.method()).isEqualTo(Method.NONE);
    }

    @Test
    void buyerCodeAndBuyerCpvOverrideWinOverTheTerritoryCrosswalk() {
        Classification c = engine().classify(new ClassificationInput(SubjectKind.SPENDING_LINE, 1, BUYER, null, "6068", "F-NET", "Facture mars", null, null, null));
        assertThat(c.familyCode()).isEqualTo("EXP01");
        assertThat(c.method()).isEqualTo(Method.BUYER_CODE);
        assertThat(c.ruleId()).isEqualTo(900L);
        Classification b = engine().classify(ClassificationInput.contract(110, "22990000100011", "34110000", "Acquisition de véhicules", null));
        assertThat(b.familyCode()).isEqualTo("MOB04");
        assertThat(b.evidence()).contains("règle cpv:34@22990000100011");
        Classification t = engine().classify(ClassificationInput.contract(111, BUYER, "34110000", "Acquisition de véhicules", null));
        assertThat(t.familyCode()).isEqualTo("MOB01");
    }

    @Test
    void spendingLinesAreClassifiedByLinkedContractThenAccountThenText() {
        ClassificationInput linked = new ClassificationInput(SubjectKind.SPENDING_LINE, 2, BUYER, null, "611", null,
                "Mandat 2024-118 tonte juin", "523456789", null, 77L);
        Classification l = engine().classify(linked);
        assertThat(l.kind()).isEqualTo(SubjectKind.SPENDING_LINE);
        assertThat(l.method()).isEqualTo(Method.LINKED_CONTRACT);
        assertThat(l.familyCode()).isEqualTo("ENV02");
        assertThat(l.evidence()).startsWith("marché lié 77 classé en ENV02");

        Classification a = engine().classify(new ClassificationInput(SubjectKind.SPENDING_LINE, 3, BUYER, null, "60632", null,
                "Petit matériel atelier", null, null, null));
        assertThat(a.method()).isEqualTo(Method.ACCOUNT);
        assertThat(a.familyCode()).isEqualTo("TEC01");
        assertThat(a.evidence()).startsWith("compte 60632 → TEC01");

        Classification ins = engine().classify(new ClassificationInput(SubjectKind.SPENDING_LINE, 4, BUYER, null, "616", null,
                "Prime assurance flotte automobile", null, null, null));
        assertThat(ins.familyCode()).isEqualTo("FIN01");

        Classification text = engine().classify(new ClassificationInput(SubjectKind.SPENDING_LINE, 5, BUYER, null, null, null,
                "Nettoyage des locaux de la médiathèque", null, null, null));
        assertThat(text.method()).isEqualTo(Method.TEXT);
        assertThat(text.familyCode()).isEqualTo("EXP01");
        assertThat(text.evidence()).startsWith("sans code exploitable");
    }

    @Test
    void aPersonsDecisionWinsOverEverything() {
        SubjectRef ref = new SubjectRef(SubjectKind.CONTRACT, 112);
        ManualDecision d = new ManualDecision(ref, "GEN06", Status.OVERRIDDEN, "alice", LocalDateTime.of(2025, 2, 3, 10, 0), "prestation mixte");
        ClassificationEngine e = new ClassificationEngine(nomenclature, model, suppliers, Map.of(ref, d), null);
        Classification c = e.classify(ClassificationInput.contract(112, BUYER, "90910000", "Nettoyage", null));
        assertThat(c.familyCode()).isEqualTo("GEN06");
        assertThat(c.status()).isEqualTo(Status.OVERRIDDEN);
        assertThat(c.method()).isEqualTo(Method.MANUAL);
        assertThat(c.evidence()).isEqualTo("classement corrigé par alice le 03/02/2025 : GEN06 Autres services aux collectivités (« prestation mixte »)");
    }
}
