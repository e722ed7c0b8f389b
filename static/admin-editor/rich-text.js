// The admin's rich-text editor (sscportal/rich_text.py puts data-rich-text on
// each description/body textarea). Built on django-prose-editor's Tiptap
// bundle, imported by relative path: its own loader needs an inline import
// map, which the Content-Security-Policy forbids.
//
// The editor offers exactly what sscportal/sanitize.py keeps: paragraphs,
// line breaks, h2-h4, both kinds of list, quotations, bold, italic, links
// (href only) and lang/dir on any of them. Anything else pasted in is
// dropped by the editor's schema before the server ever sees it.
import {
  Blockquote,
  Bold,
  BulletList,
  Document,
  Dropcursor,
  Editor,
  Extension,
  Gapcursor,
  HardBreak,
  Heading,
  History,
  Italic,
  Link,
  ListItem,
  Menu,
  OrderedList,
  Paragraph,
  Text,
  initializeEditors,
  updateAttrsDialog,
} from "../django_prose_editor/editor.js";

const SELECTOR = "[data-rich-text]";
const SAFE_URL = /^(https?:|mailto:|[/#?.]|[^:]*$)/i;
const DIRECTIONS = ["ltr", "rtl", "auto"];

// lang and dir survive on every block and mark: an English quotation inside
// an Arabic text keeps its direction through an edit.
const LanguageAttributes = Extension.create({
  name: "languageAttributes",
  addGlobalAttributes() {
    const kept = (name, valid) => ({
      default: null,
      parseHTML: (element) => {
        const value = element.getAttribute(name);
        return value && valid(value) ? value : null;
      },
      renderHTML: (attributes) => (attributes[name] ? { [name]: attributes[name] } : {}),
    });
    return [
      {
        types: [
          "paragraph",
          "heading",
          "bulletList",
          "orderedList",
          "listItem",
          "blockquote",
          "bold",
          "italic",
          "link",
        ],
        attributes: {
          lang: kept("lang", (value) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/.test(value)),
          dir: kept("dir", (value) => DIRECTIONS.includes(value)),
        },
      },
    ];
  },
});

// The allowlist has no start or type on <ol>.
const PlainOrderedList = OrderedList.extend({
  addAttributes: () => ({}),
}).configure({ enableListAttributes: false });

// A link is its address only (no title, target or rel, which the allowlist drops).
const AddressLink = Link.extend({
  addAttributes() {
    return { href: this.parent().href };
  },
  addCommands() {
    return {
      ...this.parent(),
      addLink:
        () =>
        ({ editor }) => {
          if (editor.state.selection.empty && !editor.isActive("link")) return false;
          const ask = updateAttrsDialog(
            { href: { type: "string", title: window.gettext("URL") } },
            { title: window.gettext("Edit Link") },
          );
          ask(editor, { href: editor.getAttributes("link").href || "" }).then((attributes) => {
            if (!attributes) return;
            const chain = editor.chain().focus().extendMarkRange("link");
            if (attributes.href && SAFE_URL.test(attributes.href)) {
              chain.setLink({ href: attributes.href }).run();
            } else {
              chain.unsetLink().run();
            }
          });
          return true;
        },
    };
  },
}).configure({
  autolink: true,
  enableTarget: false,
  isAllowedUri: (url) => SAFE_URL.test(url),
});

export const EXTENSIONS = [
  Document,
  Paragraph,
  Text,
  HardBreak,
  Heading.configure({ levels: [2, 3, 4] }),
  BulletList,
  PlainOrderedList,
  ListItem,
  Blockquote,
  Bold,
  Italic,
  AddressLink,
  LanguageAttributes,
  History,
  Dropcursor,
  Gapcursor,
  Menu,
];

// The toolbar's titles are English words inside the bundle; the page hands
// over their translations (from locale/ar/LC_MESSAGES/django.po).
function translateToolbar(root, labels) {
  const translate = (element) => {
    for (const name of ["title", "aria-label"]) {
      const value = element.getAttribute(name);
      if (value && labels[value]) element.setAttribute(name, labels[value]);
    }
    if (element.matches(".prose-menubar__option > *") && labels[element.textContent]) {
      element.textContent = labels[element.textContent];
    }
  };
  const translateAll = (node) => {
    if (!(node instanceof Element) || !node.closest(".prose-menubar")) return;
    translate(node);
    node.querySelectorAll("*").forEach(translate);
  };
  root.querySelectorAll(".prose-menubar").forEach(translateAll);
  new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(translateAll);
  }).observe(root, { childList: true, subtree: true });
}

function labelOf(textarea) {
  const label = textarea.id && document.querySelector(`label[for="${textarea.id}"]`);
  return label ? label.textContent.replace(/[:：]\s*$/, "").trim() : "";
}

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return null;
  const config = JSON.parse(textarea.dataset.richText);
  // The dialogs ask window.gettext for their words: dialog-words.js answers
  // from these first.
  Object.assign(window.richTextWords, config.labels);
  const wrapper = document.createElement("div");
  wrapper.className = "prose-editor rich-text";
  const language = {};
  for (const name of ["lang", "dir"]) {
    if (textarea.hasAttribute(name)) {
      language[name] = textarea.getAttribute(name);
      wrapper.setAttribute(name, language[name]);
    }
  }
  textarea.before(wrapper);
  wrapper.append(textarea);
  translateToolbar(wrapper, config.labels);
  const editor = new Editor({
    element: wrapper,
    extensions: EXTENSIONS,
    content: textarea.value,
    // Tiptap would add a <style> element, which the CSP refuses; the same
    // rules come from the stylesheets.
    injectCSS: false,
    editorProps: {
      attributes: {
        ...language,
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": labelOf(textarea),
      },
    },
    onUpdate({ editor }) {
      textarea.value = editor.isEmpty ? "" : editor.getHTML();
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
  });
  // Tests and the browser console reach the editor through its textarea.
  textarea.richTextEditor = editor;
  return editor;
}

initializeEditors(createEditor, SELECTOR);
