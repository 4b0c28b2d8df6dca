/** The command line: picocli commands over the same services as the workstation. */
package org.querent.cli;
