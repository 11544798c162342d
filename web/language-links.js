// Keep the language switcher on the current page under instant navigation.
//
// static-i18n writes each page's language links into the header at build
// time, but instant navigation swaps only the content, so the header keeps the
// first page's links. Every page exists in every language at the same path
// (tests/test_parity.py checks that), so the right link is the same path under
// the other language's root: / for English, /zh/, /ja/, /de/ for the others.

const LANGUAGES = ["zh", "ja", "de"]; // English, the default, lives at the root
let siteRoot = null;

function rootUrl() {
  if (!siteRoot) {
    const meta = document.querySelector('meta[name="bp-root"]');
    siteRoot = new URL(meta ? meta.content : "./", location.href);
  }
  return siteRoot;
}

export function pagePath(url = location.href) {
  const root = rootUrl().pathname;
  let path = new URL(url).pathname;
  path = path.startsWith(root) ? path.slice(root.length) : path;
  const first = path.split("/")[0];
  return LANGUAGES.includes(first) ? path.slice(first.length + 1) : path;
}

// <html lang> of each language's pages (as the build writes it): Material's
// instant navigation swaps the content but never this attribute, so a link to
// another language's page would leave screen readers reading in the old one.
const HTML_LANG = { en: "en", zh: "zh-Hans", ja: "ja", de: "de" };

export function pageLanguage(url = location.href) {
  const root = rootUrl().pathname;
  const path = new URL(url).pathname;
  const first = (path.startsWith(root) ? path.slice(root.length) : path).split("/")[0];
  return LANGUAGES.includes(first) ? first : "en";
}

export function updateLanguageLinks() {
  document.documentElement.lang = HTML_LANG[pageLanguage()];
  const path = pagePath();
  for (const link of document.querySelectorAll("a.md-select__link[hreflang]")) {
    const lang = link.getAttribute("hreflang");
    const prefix = LANGUAGES.includes(lang) ? `${lang}/` : "";
    link.href = new URL(prefix + path, rootUrl()).href + location.hash;
  }
}

// A language switch is a full page load, so Material's whole UI (header,
// navigation, search) comes up in the new language.
export function installLanguageSwitch() {
  document.addEventListener(
    "click",
    (event) => {
      const link = event.target instanceof Element && event.target.closest("a.md-select__link[hreflang]");
      if (!link) return;
      event.stopImmediatePropagation();
      event.preventDefault();
      location.assign(link.href);
    },
    true,
  );
}
