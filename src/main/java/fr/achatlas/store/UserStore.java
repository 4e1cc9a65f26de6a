package fr.achatlas.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Users of the web application, the buyers an analyst sees in detail, and personal API tokens. Hashing is done by the
 * caller (Spring Security's encoders); this class only stores hashes.
 */
public final class UserStore {

    public record User(String username, String passwordHash, String role, String displayName, boolean enabled, Set<String> buyers) {
    }

    public record Token(String tokenId, String username, String label, String createdAt, String lastUsedAt) {
    }

    private final Connection conn;

    public UserStore(Connection conn) {
        this.conn = conn;
    }

    /** Creates or replaces a user and their buyers, in one transaction. */
    public void save(String username, String passwordHash, String role, String displayName, Set<String> buyers) throws SQLException {
        boolean auto = conn.getAutoCommit();
        conn.setAutoCommit(false);
        try {
            try (PreparedStatement ps = conn.prepareStatement("""
                    INSERT INTO app_user (username, password_hash, role, display_name) VALUES (?, ?, ?, ?)
                    ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role,
                        display_name = excluded.display_name, enabled = true""")) {
                ps.setString(1, username);
                ps.setString(2, passwordHash);
                ps.setString(3, role);
                ps.setString(4, displayName);
                ps.executeUpdate();
            }
            try (PreparedStatement del = conn.prepareStatement("DELETE FROM app_user_buyer WHERE username = ?")) {
                del.setString(1, username);
                del.executeUpdate();
            }
            try (PreparedStatement ins = conn.prepareStatement("INSERT INTO app_user_buyer VALUES (?, ?)")) {
                for (String b : buyers) {
                    ins.setString(1, username);
                    ins.setString(2, b);
                    ins.executeUpdate();
                }
            }
            conn.commit();
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(auto);
        }
    }

    public Optional<User> find(String username) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT username, password_hash, role, display_name, enabled FROM app_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new User(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        buyers(username)));
            }
        }
    }

    private Set<String> buyers(String username) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT buyer_id FROM app_user_buyer WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    public List<User> list() throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT username FROM app_user ORDER BY username"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) names.add(rs.getString(1));
        }
        List<User> out = new ArrayList<>();
        for (String n : names) find(n).ifPresent(out::add);
        return out;
    }

    public void addToken(String tokenId, String username, String tokenSha256, String label) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO api_token (token_id, username, token_sha256, label) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, tokenId);
            ps.setString(2, username);
            ps.setString(3, tokenSha256);
            ps.setString(4, label);
            ps.executeUpdate();
        }
    }

    /**
     * The owner of the token with this hash, if any, recording its use. A script calling the API in parallel with one
     * token must not fail on that bookkeeping: the use is recorded at most once a minute, and a concurrent request
     * that recorded it first (a write-write conflict in DuckDB) is simply left to have done so.
     */
    public Optional<String> tokenOwner(String tokenSha256) throws SQLException {
        String owner;
        boolean stale;
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT t.username, t.last_used_at IS NULL OR t.last_used_at < current_timestamp - INTERVAL 1 MINUTE
                FROM api_token t JOIN app_user u ON u.username = t.username AND u.enabled
                WHERE t.token_sha256 = ?""")) {
            ps.setString(1, tokenSha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                owner = rs.getString(1);
                stale = rs.getBoolean(2);
            }
        }
        if (stale) {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE api_token SET last_used_at = current_timestamp WHERE token_sha256 = ?")) {
                ps.setString(1, tokenSha256);
                ps.executeUpdate();
            } catch (SQLException concurrentUse) {
                // another request recorded this use at the same moment
            }
        }
        return Optional.of(owner);
    }

    public List<Token> tokens(String username) throws SQLException {
        List<Token> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT token_id, username, label, strftime(created_at, '%Y-%m-%d %H:%M'), strftime(last_used_at, '%Y-%m-%d %H:%M')
                FROM api_token WHERE username = ? ORDER BY created_at""")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Token(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        return out;
    }

    public boolean deleteToken(String username, String tokenId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM api_token WHERE username = ? AND token_id = ?")) {
            ps.setString(1, username);
            ps.setString(2, tokenId);
            return ps.executeUpdate() > 0;
        }
    }
}
