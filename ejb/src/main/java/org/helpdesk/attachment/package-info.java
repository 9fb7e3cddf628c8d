/**
 * Files attached to a request or a response. They live in the database (so every cluster node
 * serves them), cut into chunks that are written and read one at a time, so that the memory an
 * upload or a download takes does not grow with the file (Rule 5: at most 5 files of 10 MB each).
 */
package org.helpdesk.attachment;
