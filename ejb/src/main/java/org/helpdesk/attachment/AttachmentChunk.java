package org.helpdesk.attachment;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A piece of a file's bytes, at most {@link AttachmentStore#CHUNK_BYTES}; pieces are numbered from 0. */
@Entity
@Table(name = "attachment_chunk")
@IdClass(AttachmentChunk.Key.class)
public class AttachmentChunk {

    @Id
    @Column(name = "attachment_id")
    private long attachmentId;

    @Id
    @Column(name = "chunk_no")
    private int chunkNo;

    @Column(nullable = false)
    private byte[] data;

    protected AttachmentChunk() {}

    AttachmentChunk(long attachmentId, int chunkNo, byte[] data) {
        this.attachmentId = attachmentId;
        this.chunkNo = chunkNo;
        this.data = data;
    }

    /** The composite key: which file, which piece. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long attachmentId;
        private int chunkNo;

        public Key() {}

        public Key(long attachmentId, int chunkNo) {
            this.attachmentId = attachmentId;
            this.chunkNo = chunkNo;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.attachmentId == attachmentId && key.chunkNo == chunkNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(attachmentId, chunkNo);
        }
    }
}
