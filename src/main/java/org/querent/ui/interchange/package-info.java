/**
 * Models and labels in and out, in the workstation: the version in use (promote, roll back), export of the model
 * and of labels in every format, import of labels with a preview. Each is a small window whose job runs off the
 * JavaFX thread through the task runner and says what it wrote, or what went wrong and what to do.
 */
package org.querent.ui.interchange;
