package org.helpdesk.it.proof;

/**
 * A ticket the matrix made for itself, with secrets that must appear only where the rules allow:
 * in its subject and details, in an internal note, and in the bytes of a file and of a note's file.
 */
record FixtureTicket(
        String name,
        long id,
        Actor requester,
        Actor.Site site,
        String subjectSecret,
        String detailsSecret,
        String noteSecret,
        long fileId,
        String fileSecret,
        long noteFileId,
        String noteFileSecret) {}
