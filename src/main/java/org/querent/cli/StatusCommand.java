package org.querent.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.session.AuditEstimateService;
import org.querent.session.EvaluationService;
import org.querent.store.EvaluationRepository;
import org.querent.session.AuditEstimateService.AuditEstimate;
import org.querent.session.AuditEstimateService.VersionAccuracy;
import org.querent.session.ModelSession;
import org.querent.session.SourceMonitorService;
import org.querent.session.SourceMonitorService.SourceFigures;
import org.querent.session.SourceMonitorService.SourceReport;
import org.querent.session.StoppingSignalService;
import org.querent.session.StoppingSignalService.StoppingSignal;
import org.querent.session.StoppingSignalService.VersionPair;
import org.querent.session.StatusService;
import org.querent.session.StatusService.Status;
import org.querent.session.StatusService.Version;
import org.querent.team.EscalationService;
import org.querent.team.PeopleService;
import org.querent.team.ReviewService;
import org.querent.team.TaxonomyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent status: what the project holds. */
@Command(name = "status", description = "Show items, scoring, labels per class, pre-label acceptance and model versions.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @Option(names = "--segment", paramLabel = "COLUMN",
            description = "Also monitor by this column of CSV rows (or field of JSONL rows), e.g. region.")
    String segment;

    @Override
    public Integer call() {
        try (Project p = project.openReader(); ModelSession model = new ModelSession(p)) {
            String hash;
            String modelNote = "";
            try {
                hash = model.hash();
            } catch (QuerentException e) {
                hash = null;
                modelNote = " (cannot read it: " + e.getMessage() + ")";
            }
            Status s = new StatusService(p).status(hash);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("project   %s%n", p.file());
            out.printf("data      %s%n", s.dataRoot());
            out.printf("model     %s%s%n", s.model(), modelNote);
            out.printf("mode      %s%n", s.multiLabel() ? "multi-label" : "single-label");
            out.printf("guideline %s%n", s.guidelineVersion() == null ? "none" : "version " + s.guidelineVersion());
            int active = s.itemsByState().getOrDefault("active", 0);
            out.printf("items     %d active, %d quarantined, %d removed, %d exact duplicates%n", active,
                    s.itemsByState().getOrDefault("quarantined", 0), s.itemsByState().getOrDefault("removed", 0),
                    s.duplicates());
            for (var q : new StatusService(p).quarantineReasons()) {
                out.printf("  quarantined %d: %s (e.g. %s)%n", q.count(), q.reason(), String.join(", ", q.examples()));
            }
            out.printf("scored    %d of %d distinct items%n", s.scored(), active - s.duplicates());
            out.printf("labelled  %d (pre-label accepted %d, corrected %d)%n", s.labelled(), s.accepted(), s.corrected());
            for (Map.Entry<String, Integer> e : s.labelsPerClass().entrySet()) {
                out.printf("  %-24s %d%n", e.getKey(), e.getValue());
            }
            out.printf("decisions %s%n", s.decisionsByKind().isEmpty() ? "none" : s.decisionsByKind());
            out.printf("rounds    %d%n", s.rounds());
            printTeam(out, p);
            if (s.versions().isEmpty()) {
                out.println("versions  none yet (run 'querent train')");
            }
            for (Version v : s.versions()) {
                out.printf("version   v%d %s, %d labels%s%s%n", v.version(), v.createdAt(), v.labels(),
                        v.accuracy() == null ? "" : String.format(", held-out accuracy %.3f, macro-F1 %.3f", v.accuracy(), v.macroF1()),
                        v.c() == null ? "" : ", C=" + org.querent.learn.RegularisationSearch.format(v.c()));
            }
            if (!s.versions().isEmpty() && s.versions().get(s.versions().size() - 1).cChoice() != null) {
                out.printf("L2        %s%n", s.versions().get(s.versions().size() - 1).cChoice());
            }
            printGate(out, p, hash);
            printAudit(out, new AuditEstimateService(p).estimate());
            printSources(out, new SourceMonitorService(p).bySource());
            if (segment != null) {
                printSources(out, new SourceMonitorService(p).bySegment(segment));
            }
            if (hash != null && !s.versions().isEmpty()) {
                printStopping(out, new StoppingSignalService(p).signal(hash));
            }
        }
        return 0;
    }

    /** The evaluation set, the version in use and why, and candidates the gate held back since. */
    private static void printGate(PrintWriter out, Project p, String hash) {
        EvaluationService evaluation = new EvaluationService(p);
        EvaluationService.EvalSet set = evaluation.evalSet();
        if (set.size() == 0) {
            out.println("eval set  none (draw one with 'querent eval-set " + p.file().getFileName() + " --size 200'; until"
                    + " it has " + EvaluationService.MIN_EVAL_LABELS + " labels every new version is promoted ungated)");
        } else {
            out.printf("eval set  %d items, %d labelled%s%n", set.size(), set.labelled(), set.waiting().isEmpty() ? ""
                    : " (" + set.waiting().size() + " wait for a label: 'querent eval-set " + p.file().getFileName()
                    + "' lists them)");
        }
        if (hash == null) {
            return;
        }
        evaluation.inUse(hash).ifPresent(inUse -> {
            List<EvaluationRepository.Promotion> history = evaluation.history(hash);
            EvaluationRepository.Promotion why = null;
            for (EvaluationRepository.Promotion e : history) {
                if (e.changesVersionInUse()) {
                    why = e;
                }
            }
            out.printf("in use    v%d%s%n", inUse.version(), why == null ? " (the newest version; no gate has run yet)"
                    : " (" + why.action() + " by " + why.decidedBy() + " " + why.decidedAt() + ": " + why.reason() + ")");
            for (EvaluationRepository.Promotion e : history) {
                if (!e.changesVersionInUse() && e.version() > inUse.version()) {
                    out.printf("candidate v%d held: %s%n", e.version(), e.reason());
                }
            }
        });
    }

    /** People, taxonomy version, open escalations and the review gate, once the project is a team's. */
    private static void printTeam(PrintWriter out, Project p) {
        PeopleService people = new PeopleService(p);
        ReviewService review = new ReviewService(p);
        int taxonomyVersion = new TaxonomyService(p).currentVersion();
        int escalations = new EscalationService(p).open().size();
        if (!people.isTeam() && taxonomyVersion <= 1 && escalations == 0 && !review.trainOnlyApproved()) {
            return;
        }
        out.printf("team      %d people, taxonomy version %d, %d open escalation(s)%n", people.people().size(),
                taxonomyVersion, escalations);
        out.printf("review    %d label(s) wait for review; train on %s%n", review.waitingForReview(),
                review.trainOnlyApproved() ? "approved labels only" : "all labels");
        p.meta().get(org.querent.store.WorkPackageRepository.PACKAGE_FOR).ifPresent(person -> out.printf(
                "package   a work package for %s from %s: label it, then give it back for 'querent merge'%n", person,
                p.meta().get(org.querent.store.WorkPackageRepository.PACKAGE_SOURCE).orElse("the lead's project")));
        for (var pkg : new org.querent.team.PackService(p).progress()) {
            out.printf("package   %s for %s: %d item(s), %d shared, %d labelled or escalated by %s here%n", pkg.file(),
                    pkg.person(), pkg.items(), pkg.shared(), pkg.done(), pkg.person());
        }
    }

    /** Per source (or segment), once there are two or more; then what stands out. */
    private static void printSources(PrintWriter out, SourceReport report) {
        if (report.sources().size() < 2) {
            return;
        }
        out.printf("sources   by %s: items, labels per class, audit accuracy (Wilson 95%%), pre-labels accepted%n",
                report.groupedBy());
        for (SourceFigures f : report.sources()) {
            StringBuilder classes = new StringBuilder();
            f.labelsPerClass().forEach((label, n) -> classes.append(classes.length() == 0 ? "" : " ").append(label)
                    .append('=').append(n));
            out.printf("  %-22s items %d, labelled %d (%s), audit %s, accepted %s%n", f.source(), f.items(), f.labelled(),
                    classes, f.audit().format(), f.acceptance().trials() == 0 ? "n=0"
                            : f.acceptance().successes() + "/" + f.acceptance().trials());
        }
        for (SourceMonitorService.Callout callout : report.callouts()) {
            out.printf("attention %s%n", callout.text());
        }
    }

    private static void printAudit(PrintWriter out, AuditEstimate audit) {
        if (!audit.available()) {
            out.println("audit estimate (unbiased): no labelled audit picks yet (queue with --audit-share 0.1)");
            return;
        }
        for (VersionAccuracy v : audit.byVersion()) {
            out.printf("audit estimate (unbiased) %s: accuracy %s%n", v.modelVersion() == null ? "before any head"
                    : "v" + v.modelVersion(), v.accuracy().format());
        }
    }

    private static void printStopping(PrintWriter out, StoppingSignal signal) {
        out.printf("stopping  %s%n", signal.reason());
        out.printf("          rule: %s (stop set of %d items)%n", signal.rule(), signal.stopSetSize());
        for (VersionPair pair : signal.pairs()) {
            out.printf("          v%d -> v%d: kappa %.3f, agreement %.3f%n", pair.previous(), pair.next(), pair.kappa(),
                    pair.agreement());
        }
    }
}
