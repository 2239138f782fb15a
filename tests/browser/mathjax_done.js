// True once MathJax has typeset the page (MathJax 3's startup.promise resolves after the first typesetting).
// Read by tests/test_browser.py and passed to page.evaluate (one function expression).
() => {
  const startup = window.MathJax && MathJax.startup;
  if (!startup || !startup.promise) return false;
  if (!window.__typesetWatch) window.__typesetWatch = startup.promise.then(() => { window.__typeset = true; });
  return window.__typeset === true;
}
