package org.querent.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.querent.project.Project;
import org.querent.team.AgreementService;
import org.querent.team.AgreementService.LabelAgreement;
import org.querent.team.AgreementService.Report;
import org.querent.team.AgreementStatistics.PairKappa;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent agreement PROJECT: agreement between annotators on the items two or more labelled. */
@Command(name = "agreement", description = "Agreement between annotators on items two or more of them labelled: percent "
        + "agreement, Cohen's kappa per pair, Fleiss' kappa and Krippendorff's alpha overall and per label.")
final class AgreementCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;

    @Override
    public Integer call() {
        try (Project p = project.openReader()) {
            Report r = new AgreementService(p).report();
            PrintWriter out = spec.commandLine().getOut();
            if (r.itemsWithTwoOrMore() == 0) {
                out.println("no item is labelled by two or more people yet");
                return 0;
            }
            out.printf("items        %d labelled by two or more people, %d with a disagreement%n", r.itemsWithTwoOrMore(),
                    r.disagreements());
            out.printf("overall      agreement %s, Fleiss' kappa %s, Krippendorff's alpha %s%n", f(r.percent()),
                    f(r.fleiss()), f(r.alpha()));
            for (PairKappa pair : r.pairs()) {
                out.printf("pair         %s / %s: %d items, agreement %s, Cohen's kappa %s%n", pair.first(), pair.second(),
                        pair.items(), f(pair.agreement()), f(pair.kappa()));
            }
            for (LabelAgreement l : r.perLabel()) {
                out.printf("label        %s: agreement %s, Fleiss' kappa %s, Krippendorff's alpha %s%n", l.label(),
                        f(l.percent()), f(l.fleiss()), f(l.alpha()));
            }
        }
        return 0;
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
