package fr.achatlas.check;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape expected of a holder identifier for each non-SIRET identifier type of DECP (SIRET has its own checksum
 * validation in {@link Siret}).
 *
 * <p>The DECP schemas (2019 v1.5.0 and v2.0.3) only enumerate the types (SIRET, TVA, TAHITI, RIDET, FRWF, IREP, UE,
 * HORS-UE) and say "favoriser le SIRET"; they give no pattern. The patterns below are therefore deliberately lenient:
 * they come from the definition of each register and were checked against the identifiers actually published in the
 * 2019 aggregated data, so that only values that cannot be an identifier of that type are flagged.
 */
public enum HolderIdFormat {
    TVA("[A-Z]{2}[0-9A-Z]{2,13}", "FR12345678901, DE123456789, NL123456789B01",
            "Numéro de TVA intracommunautaire : préfixe pays de 2 lettres puis 2 à 13 chiffres ou lettres ; pour la "
                    + "France, FR + clé de 2 caractères + SIREN de 9 chiffres (FR[0-9A-Z]{2}[0-9]{9})."),
    TAHITI("[A-Z0-9][0-9]{5}([0-9]{3})?", "A12345, 123456001",
            "Numéro TAHITI (Polynésie française, répertoire de l'ISPF) : 6 caractères (une lettre ou un chiffre puis "
                    + "5 chiffres), suivis éventuellement des 3 chiffres de l'établissement."),
    RIDET("[0-9]{6,7}([0-9]{3})?", "1234567, 1234567001",
            "Numéro RIDET (Nouvelle-Calédonie) : RID de 6 ou 7 chiffres (zéro initial souvent perdu), suivi "
                    + "éventuellement des 3 chiffres de l'établissement (ET)."),
    FRWF("FRWF[0-9A-Z]+", "FRWF12345",
            "Identifiant Wallis-et-Futuna : préfixe FRWF suivi de chiffres ou de lettres (les données publiées "
                    + "contiennent aussi FRWF + nom de l'entreprise)."),
    IREP("[0-9A-Z]+", "123456789",
            "Numéro IREP : chiffres et lettres uniquement."),
    HORS_UE(".+", "USACMECORP",
            "Entreprise hors Union européenne : identifiant libre, seulement non vide.");

    private final Pattern pattern;
    private final String examples;
    private final String description;

    HolderIdFormat(String regex, String examples, String description) {
        this.pattern = Pattern.compile(regex);
        this.examples = examples;
        this.description = description;
    }

    private static final Pattern FRENCH_VAT = Pattern.compile("FR[0-9A-Z]{2}[0-9]{9}");

    /**
     * The format for an identifier type as normalised by the parser; the 2019 spelling HORS-UE and the 2019 type UE
     * (an EU operator identified by its VAT number) are accepted too. Empty for SIRET, null or unknown types.
     */
    public static Optional<HolderIdFormat> forType(String idType) {
        if (idType == null) return Optional.empty();
        String t = idType.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (t.equals("UE")) return Optional.of(TVA);
        for (HolderIdFormat f : values()) {
            if (f.name().equals(t)) return Optional.of(f);
        }
        return Optional.empty();
    }

    public boolean matches(String id) {
        if (id == null) return false;
        if (!pattern.matcher(id).matches()) return false;
        // A French VAT number is tied to a SIREN, so its shape is fixed; other countries vary too much to say more.
        return this != TVA || !id.startsWith("FR") || FRENCH_VAT.matcher(id).matches();
    }

    public String regex() {
        return this == TVA ? pattern.pattern() + " (FR : " + FRENCH_VAT.pattern() + ")" : pattern.pattern();
    }

    public String examples() {
        return examples;
    }

    public String description() {
        return description;
    }
}
