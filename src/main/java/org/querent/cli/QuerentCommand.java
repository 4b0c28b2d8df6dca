package org.querent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level command: global options and the list of subcommands. */
@Command(name = "querent", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Offline active-learning labelling: score a dataset with a local ONNX model, rank what to label, "
                + "record decisions and retrain, all in one SQLite project file. Without a command, opens the workstation.",
        subcommands = {InitCommand.class, GuidelineCommand.class, ImportCommand.class, ScoreCommand.class,
                QueueCommand.class, LabelCommand.class, UndoCommand.class, TrainCommand.class, StatusCommand.class,
                ExportCommand.class, RelocateCommand.class, SimulateCommand.class,
                BuildImageModelCommand.class, PeopleCommand.class, TaxonomyCommand.class, EscalateCommand.class,
                EscalationsCommand.class, ReviewCommand.class})
public final class QuerentCommand {
    @Option(names = "--verbose", description = "Print stack traces with errors.", scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean verbose;
}
