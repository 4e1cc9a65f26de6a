package fr.achatlas.classify.nomenclature;

import java.util.List;

/**
 * Second level of the pivot nomenclature: the unit of the cartography, of threshold computation (when
 * {@code homogeneous}) and of mutualisation and reserved-contract analysis.
 *
 * @param sustainable relevant for sustainable-purchase clauses and indicators
 * @param esatEa      sheltered/adapted work (ESAT, EA) typically operates in it
 * @param siae        insertion structures (SIAE) typically operate in it
 * @param keywords    words and phrases people use for it (French), training material for the text classifier
 */
public record Family(String code, String segmentCode, String label, Nature nature, boolean homogeneous,
                     boolean sustainable, boolean esatEa, boolean siae, List<String> keywords) {
    public Family {
        keywords = List.copyOf(keywords);
    }
}
