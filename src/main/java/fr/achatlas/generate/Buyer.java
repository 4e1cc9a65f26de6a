package fr.achatlas.generate;

import java.util.List;

/**
 * A public buyer of the territory, as written to territory.json.
 *
 * @param budgetWeight share of the territory's annual purchases (all buyers sum to 1)
 */
public record Buyer(String siret, String name, BuyerKind kind, String categorieJuridique, String communeInsee,
                    String communeName, String postcode, double budgetWeight, List<Direction> directions) {

    /** A direction and its services, as a buyer's organisation chart shows them. */
    public record Direction(String name, List<String> services) {
    }
}
