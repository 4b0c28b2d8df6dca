/** A project is one open .querent file: creating, opening, re-pointing its dataset folder. */
package org.querent.project;
