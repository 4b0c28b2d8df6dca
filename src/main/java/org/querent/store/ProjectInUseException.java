package org.querent.store;

import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;

/** Another window or command holds the project: the one refusal that waiting ({@code --wait}) can outlast. */
final class ProjectInUseException extends QuerentException {
    ProjectInUseException(String message) {
        super(ErrorKind.PROJECT, message);
    }
}
