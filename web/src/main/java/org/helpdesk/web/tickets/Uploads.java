package org.helpdesk.web.tickets;

import java.util.List;

import org.helpdesk.attachment.IncomingFile;
import org.primefaces.model.file.UploadedFile;
import org.primefaces.model.file.UploadedFiles;

/** PrimeFaces' uploaded files as the EJBs take them: streams read once, while they are stored. */
final class Uploads {

    private Uploads() {}

    static List<IncomingFile> of(UploadedFiles files) {
        return chosen(files).stream().map(Uploads::of).toList();
    }

    /** The files the user chose; a file field left empty sends one nameless, empty part. */
    static List<UploadedFile> chosen(UploadedFiles files) {
        if (files == null || files.getFiles() == null) {
            return List.of();
        }
        return files.getFiles().stream()
                .filter(file ->
                        file.getFileName() != null && !file.getFileName().isEmpty())
                .toList();
    }

    private static IncomingFile of(UploadedFile file) {
        return new IncomingFile(file.getFileName(), file.getContentType(), file::getInputStream);
    }
}
