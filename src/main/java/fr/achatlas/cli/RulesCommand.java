package fr.achatlas.cli;

import fr.achatlas.check.RuleTableDoc;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Affiche la table des règles de contrôle (Markdown, celle de docs/rules.md).")
final class RulesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.print(RuleTableDoc.render());
        return 0;
    }
}
