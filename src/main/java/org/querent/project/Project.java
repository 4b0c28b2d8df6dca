package org.querent.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;
import org.querent.store.Database;
import org.querent.store.DecisionRepository;
import org.querent.store.EmbeddingRepository;
import org.querent.store.GuidelineRepository;
import org.querent.store.HeadRepository;
import org.querent.store.ItemRepository;
import org.querent.store.LabelDefinition;
import org.querent.store.MetaRepository;
import org.querent.store.RoundRepository;
import org.querent.store.TaxonomyRepository;

/** One open .querent file and its repositories. Closing it releases the file for other processes. */
public final class Project implements AutoCloseable {
    static final String DATA_ROOT = "data_root";
    static final String MODEL = "model";
    static final String MULTI_LABEL = "multi_label";

    private final Database db;
    private final Clock clock;
    private volatile ProjectSettings settings;
    private final MetaRepository meta;
    private final ItemRepository items;
    private final TaxonomyRepository taxonomy;
    private final GuidelineRepository guidelines;
    private final EmbeddingRepository embeddings;
    private final HeadRepository heads;
    private final RoundRepository rounds;
    private final DecisionRepository decisions;

    Project(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.meta = new MetaRepository(db);
        this.items = new ItemRepository(db, clock);
        this.taxonomy = new TaxonomyRepository(db);
        this.guidelines = new GuidelineRepository(db, clock);
        this.embeddings = new EmbeddingRepository(db, clock);
        this.heads = new HeadRepository(db, clock);
        this.rounds = new RoundRepository(db, clock);
        this.decisions = new DecisionRepository(db, clock);
    }

    public Path file() {
        return db.file();
    }

    /** The folder holding the project file; relative paths in the project resolve against it. */
    public Path folder() {
        return db.file().getParent();
    }

    public Database database() {
        return db;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Read once and kept (only this class and project creation write them): views ask for them while they are
     * built, and a read would wait for whatever query holds the file (the JavaFX thread waited on a million-row read).
     */
    public ProjectSettings settings() {
        ProjectSettings s = settings;
        if (s == null) {
            s = new ProjectSettings(meta.get(DATA_ROOT).orElse(""), meta.get(MODEL).orElse("builtin:minilm"),
                    Boolean.parseBoolean(meta.get(MULTI_LABEL).orElse("false")));
            settings = s;
        }
        return s;
    }

    /** Forgets the kept settings after they were written. */
    void settingsChanged() {
        settings = null;
    }

    /** The dataset folder, resolved; fails with a message saying how to re-point it when it has moved. */
    public Path dataRoot() {
        Path root = folder().resolve(settings().dataRoot()).normalize();
        if (!Files.isDirectory(root)) {
            throw new QuerentException(ErrorKind.NOT_FOUND, "the dataset folder " + root
                    + " is missing (moved or renamed?): re-point it with 'querent relocate "
                    + file().getFileName() + " NEW_FOLDER'");
        }
        return root;
    }

    /** Points the project at a dataset folder that moved. Items are matched again by path at the next import. */
    public void relocateData(Path newRoot) {
        if (!Files.isDirectory(newRoot)) {
            throw QuerentException.notFound("no folder at " + newRoot.toAbsolutePath() + ": give an existing dataset folder");
        }
        meta.put(DATA_ROOT, ProjectService.relativeToFolder(folder(), newRoot));
        settingsChanged();
    }

    public List<String> labelNames() {
        return taxonomy.labels().stream().map(LabelDefinition::name).toList();
    }

    public MetaRepository meta() {
        return meta;
    }

    public ItemRepository items() {
        return items;
    }

    public TaxonomyRepository taxonomy() {
        return taxonomy;
    }

    public GuidelineRepository guidelines() {
        return guidelines;
    }

    public EmbeddingRepository embeddings() {
        return embeddings;
    }

    public HeadRepository heads() {
        return heads;
    }

    public RoundRepository rounds() {
        return rounds;
    }

    public DecisionRepository decisions() {
        return decisions;
    }

    @Override
    public void close() {
        db.close();
    }
}
