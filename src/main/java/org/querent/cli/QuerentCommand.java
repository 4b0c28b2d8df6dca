package org.querent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level command: global options and the list of subcommands. */
@Command(name = "querent", versionProvider = VersionProvider.class,
        description = "Offline active-learning labelling: score a dataset with a local ONNX model, rank what to label, "
                + "record decisions and retrain, all in one SQLite project file. Without a command, opens the workstation.",
        subcommands = {InitCommand.class, GuidelineCommand.class, ImportCommand.class, ScoreCommand.class,
                QueueCommand.class, LabelCommand.class, UndoCommand.class, TrainCommand.class, StatusCommand.class,
                ExportCommand.class, RelocateCommand.class, SimulateCommand.class,
                BuildImageModelCommand.class, BuildAudioModelCommand.class, PeopleCommand.class, TaxonomyCommand.class, EscalateCommand.class,
                EscalationsCommand.class, ReviewCommand.class, AgreementCommand.class, AdjudicationCommand.class,
                MergeCommand.class, PackCommand.class, ExportModelCommand.class, PredictCommand.class,
                ImportLabelsCommand.class, ImportEmbeddingsCommand.class, EvalSetCommand.class, PromoteCommand.class, RollbackCommand.class})
public final class QuerentCommand {
    // Inherited, so every sub-command answers --help and -h before its required parameters are checked.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    boolean version;

    @Option(names = "--verbose", description = "Print stack traces with errors.", scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean verbose;
}
