package org.querent.ui.start;

/** Where the project's embedding model comes from. */
enum ModelSource {
    /** The built-in MiniLM text encoder, shipped inside the application. */
    BUILTIN,
    /** An .onnx file (with or without a model.json beside it) or a model.json. */
    FILE
}
