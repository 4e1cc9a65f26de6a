package fr.achatlas.web.security;

import fr.achatlas.store.Database;
import fr.achatlas.store.UserStore;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Creates accounts with hashed passwords (the CLI's user management and the demo accounts). */
public final class Accounts {

    public record Account(String username, String password, String role, String displayName, Set<String> buyers) {
    }

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private Accounts() {
    }

    public static void save(Database db, Account a) throws SQLException {
        if (!Set.of("ADMIN", "ANALYST", "VIEWER").contains(a.role())) throw new IllegalArgumentException("Rôle inconnu : " + a.role());
        if (a.password().length() < 12) throw new IllegalArgumentException("Mot de passe trop court (12 caractères au moins).");
        new UserStore(db.connection()).save(a.username(), ENCODER.encode(a.password()), a.role(), a.displayName(), a.buyers());
    }

    public static String randomPassword() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return b.toString();
    }

    /**
     * The demo accounts, with fresh random passwords on every call (the demo prints them): an administrator, an
     * analyst for each of the two given buyers, and a viewer (elected official).
     */
    public static List<Account> demo(Database db, List<String[]> twoBuyers) throws SQLException {
        List<Account> out = new ArrayList<>();
        out.add(new Account("admin", randomPassword(), "ADMIN", "Administrateur du territoire", Set.of()));
        int i = 0;
        for (String[] b : twoBuyers) {
            i++;
            out.add(new Account("analyste" + i, randomPassword(), "ANALYST", "Analyste — " + b[1], Set.of(b[0])));
        }
        out.add(new Account("elu", randomPassword(), "VIEWER", "Élu (vues consolidées)", Set.of()));
        for (Account a : out) save(db, a);
        return out;
    }
}
