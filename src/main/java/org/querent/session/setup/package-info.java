/**
 * Setting up a new project, for the wizard: a preview of a dataset folder, what a chosen model file holds and
 * whether its manifest fits, and carrying out the plan (manifest, guideline, project file, first import). Slow
 * work that the UI runs off its thread; nothing here knows JavaFX.
 */
package org.querent.session.setup;
