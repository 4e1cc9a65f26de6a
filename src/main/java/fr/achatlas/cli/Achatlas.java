package fr.achatlas.cli;

/** Entry point of the {@code achatlas} command. */
public final class Achatlas {
    public static void main(String[] args) {
        System.out.println("achatlas");
    }
}
