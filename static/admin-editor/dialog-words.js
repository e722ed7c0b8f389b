// The rich-text editor's dialogs in the admin's language (loaded before
// rich-text.js, as a classic script).
//
// The editor bundle takes window.gettext once, when it loads, and asks it for
// its dialog buttons ("Update", "Cancel"). Django's admin catalogue has no
// "Update" and words "Cancel" as "ألغ", and admin/js/jquery.init.js replaces
// window.django, so its catalogue cannot be added to. This wrapper answers
// from the words rich-text.js receives from the page (richTextWords) first.
"use strict";
{
  const djangoGettext = window.gettext || ((text) => text);
  window.richTextWords = window.richTextWords || {};
  window.gettext = (text) =>
    Object.hasOwn(window.richTextWords, text) ? window.richTextWords[text] : djangoGettext(text);
}
