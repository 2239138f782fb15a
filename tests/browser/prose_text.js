// The text of the page outside code, scripts and typeset math: where raw TeX must not survive.
// Read by tests/test_browser.py and passed to page.evaluate (one function expression).
() => {
  const main = document.querySelector('main') || document.body;
  const copy = main.cloneNode(true);
  copy.querySelectorAll('pre, code, script, style, mjx-container, .highlight').forEach(e => e.remove());
  return copy.textContent;
}
