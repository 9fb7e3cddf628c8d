/*
 * The attachments of a form in the browser (the hd:attachments tag).
 *
 * Rule 5 first: files beyond the limits (data-max-files, data-max-file-bytes) are refused as they are
 * chosen, with the field's message, and a form holding them is not sent; the server checks again.
 *
 * Then the progress: PrimeFaces sends such a form by ajax as one multipart request; while its bytes
 * travel, the bar and the status say how much has been sent, then that the server is saving. When
 * the request fails before the page can answer (too large as a whole, the connection lost), the
 * form stays as it was and says why.
 *
 * It hooks into jQuery's ajax rather than PrimeFaces' callbacks, because only the XMLHttpRequest
 * itself reports the progress of the request body, and jQuery creates it after the prefilters run.
 */
(function ($) {
    "use strict";

    function formOf(source) {
        var element = typeof source === "string" ? document.getElementById(source) : source;
        return element && element.closest ? element.closest("form") : null;
    }

    function chosenFiles(form) {
        return Array.prototype.flatMap.call(form.querySelectorAll("input[type=file]"), function (input) {
            return input.files ? Array.from(input.files) : [];
        });
    }

    /** A size as the pages write it (TimeFormat.size): 512 B, 14 KB, 9.5 MB. */
    function size(bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024) + " KB";
        }
        return (bytes / (1024 * 1024)).toFixed(1) + " MB";
    }

    /** A text of the resource bundle with its {0}, {1}... filled in. */
    function format(pattern, values) {
        return pattern.replace(/\{(\d)\}/g, function (placeholder, index) {
            return values[Number(index)];
        });
    }

    function Attachments(panel) {
        this.panel = panel;
        this.bar = panel.querySelector(".hd-upload-bar");
        this.status = panel.querySelector(".hd-upload-status");
        this.error = panel.querySelector(".hd-upload-error");
    }

    /** Rule 5 for the chosen files: says what is wrong at the field; true if they may be sent. */
    Attachments.prototype.accepts = function (files) {
        var maxBytes = Number(this.panel.dataset.maxFileBytes);
        var acceptable = files.length <= Number(this.panel.dataset.maxFiles) && files.every(function (file) {
            return file.size <= maxBytes;
        });
        this.error.textContent = acceptable ? "" : this.panel.dataset.refused;
        return acceptable;
    };

    Attachments.prototype.started = function (total) {
        this.error.textContent = "";
        this.bar.hidden = false;
        this.sent(0, total);
    };

    Attachments.prototype.sent = function (loaded, total) {
        var percent = total > 0 ? Math.floor(loaded * 100 / total) : 0;
        this.bar.value = percent;
        this.status.textContent = format(this.panel.dataset.sending, [size(loaded), size(total), percent]);
    };

    Attachments.prototype.saving = function () {
        this.bar.value = 100;
        this.status.textContent = this.panel.dataset.saving;
    };

    /** The page has answered: with the next page (a redirect), or with messages in this one. */
    Attachments.prototype.answered = function (partialResponse) {
        var leaving = partialResponse && partialResponse.getElementsByTagName("redirect").length > 0;
        if (!leaving) {
            this.reset();
        }
    };

    Attachments.prototype.failed = function (request) {
        this.reset();
        if (request.status === 413) {
            this.error.textContent = this.panel.dataset.tooLarge;
        } else if (request.status === 0) {
            this.error.textContent = this.panel.dataset.interrupted;
        } else {
            this.error.textContent = format(this.panel.dataset.failed, [request.status]);
        }
    };

    Attachments.prototype.reset = function () {
        this.bar.hidden = true;
        this.bar.value = 0;
        this.status.textContent = "";
    };

    $(document).on("change", ".hd-field input[type=file]", function () {
        var panel = this.closest(".hd-field").querySelector(".hd-upload");
        if (panel) {
            new Attachments(panel).accepts(Array.from(this.files || []));
        }
    });

    $.ajaxPrefilter(function (options, originalOptions, request) {
        var form = formOf(options.source);
        var panel = form ? form.querySelector(".hd-upload") : null;
        var files = panel && options.data instanceof FormData ? chosenFiles(form) : [];
        if (files.length === 0) {
            return;
        }
        var attachments = new Attachments(panel);
        if (!attachments.accepts(files)) {
            request.abort();
            return;
        }
        var createRequest = options.xhr;
        options.xhr = function () {
            var xhr = createRequest();
            xhr.upload.addEventListener("progress", function (event) {
                if (event.lengthComputable) {
                    attachments.sent(event.loaded, event.total);
                }
            });
            xhr.upload.addEventListener("load", function () {
                attachments.saving();
            });
            return xhr;
        };
        attachments.started(files.reduce(function (total, file) {
            return total + file.size;
        }, 0));
        request.done(function (partialResponse) {
            attachments.answered(partialResponse);
        }).fail(function () {
            attachments.failed(request);
        });
    });
}(jQuery));
