// Words a reader sees on the page without opening anything: the article's text outside closed
// <details> (dropdowns, hidden input cells), code, typeset math, scripts and permalink signs.
// The same rule as tools/wordcount.py. Read by tests/test_browser.py (one function expression).
() => {
  const article = document.querySelector('article.bd-article') || document.querySelector('main') || document.body;
  const copy = article.cloneNode(true);
  copy.querySelectorAll('details:not([open])').forEach(d =>
    [...d.children].forEach(c => { if (c.tagName.toLowerCase() !== 'summary') c.remove(); }));
  copy.querySelectorAll('pre, code, .highlight, .cell_input, .math, mjx-container, script, style, .headerlink, .remove-input')
      .forEach(e => e.remove());
  // block elements end a word where they end; inline ones do not (the rule of tools/wordcount.py)
  copy.querySelectorAll('p, li, td, th, dt, dd, div, h1, h2, h3, h4, h5, h6, caption, figcaption, tr, br, summary, table')
      .forEach(e => e.append(' '));
  return copy.textContent.split(/\s+/).filter(w => /[\p{L}\p{N}_]/u.test(w)).length;
}
