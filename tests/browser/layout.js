// Facts about one page at the current width (one evaluate per width): equations, tables, prose, figures, titles.
// Read by tests/test_browser.py and passed to page.evaluate (one function expression).
() => {
  const article = document.querySelector('article.bd-article') || document.querySelector('main') || document.body;
  const vw = document.documentElement.clientWidth;
  const box = e => e.getBoundingClientRect();
  const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
      (e.classList.length ? '.' + [...e.classList].slice(0, 2).join('.') : '');
  function fits(el) {
    const r = box(el);
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const ox = getComputedStyle(a).overflowX;
      if (ox === 'visible') continue;
      const ar = box(a);
      if (r.left >= ar.left - 1 && r.right <= ar.right + 1) continue;
      if ((ox === 'auto' || ox === 'scroll') && a.scrollWidth > a.clientWidth + 1 && r.left >= ar.left - 1) {
        const outer = fits(a);  // reachable by scrolling a, if a itself is on the screen
        return outer.ok ? {ok: true, scroll: true} : outer;
      }
      return {ok: false, why: `cut at the ${r.right > ar.right ? 'right' : 'left'} by ${name(a)} ` +
                              `(overflow-x: ${ox}; ${Math.round(r.width)} px in ${Math.round(ar.width)} px)`};
    }
    if (r.right > vw + 1 || r.left < -1)
      return {ok: false, why: `runs off the page (${Math.round(r.left)} to ${Math.round(r.right)} px of ${vw} px)`};
    return {ok: true, scroll: false};
  }
  // The part of el that is drawn: its box cut by every ancestor that clips or scrolls.
  function drawn(el) {
    let r = box(el), left = r.left, right = r.right, top = r.top, bottom = r.bottom;
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      if (getComputedStyle(a).overflowX === 'visible') continue;
      const ar = box(a);
      left = Math.max(left, ar.left); right = Math.min(right, ar.right);
      top = Math.max(top, ar.top); bottom = Math.min(bottom, ar.bottom);
    }
    return {left, right, top, bottom};
  }
  const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
                            Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  const equations = [...article.querySelectorAll('div.math')].map(div => {
    const math = div.querySelector('mjx-container mjx-math') || div.querySelector('mjx-container') || div;
    const eqno = div.querySelector('span.eqno');
    let number = null, clash = false;
    if (eqno && eqno.firstChild && eqno.firstChild.nodeType === Node.TEXT_NODE) {
      const range = document.createRange();
      range.selectNodeContents(eqno.firstChild);  // the number itself, not its hidden "#" link
      number = eqno.firstChild.textContent.trim();
      clash = overlap(drawn(math), range.getBoundingClientRect());
    }
    const section = div.closest('section');
    const heading = section && section.querySelector('h1, h2, h3, h4');
    const under = heading ? heading.textContent.replace(/[#¶]/g, '').trim().slice(0, 50) : '';
    return {label: number || `(unnumbered, in “${under}”)`, overlaps_number: clash, ...fits(math)};
  });
  const tables = [...article.querySelectorAll('table')].filter(t => !t.closest('table table')).map((t, i) => {
    const caption = t.querySelector('caption');
    const head = [...t.querySelectorAll('th')].slice(0, 3).map(th => th.textContent.trim()).join(' | ');
    return {label: `table ${i + 1} (${(caption ? caption.textContent : head).trim().slice(0, 60)})`, ...fits(t)};
  });
  const skip = 'pre, code, .highlight, mjx-container, script, style, .headerlink';
  const prose = [...article.querySelectorAll('p, li, td, th, dd, dt, figcaption, caption')]
      .filter(e => !e.closest(skip))
      .map(e => {
        const copy = e.cloneNode(true);
        copy.querySelectorAll(skip).forEach(x => x.remove());
        return copy.textContent;
      });
  const figures = [...article.querySelectorAll('img')].map((img, i) => {
    const figure = img.closest('figure');
    const caption = figure && figure.querySelector('figcaption');
    const section = img.closest('section');
    const heading = section && section.querySelector('h1, h2, h3, h4');
    const under = heading ? heading.textContent.replace(/[#¶]/g, '').trim().slice(0, 50) : '';
    return {src: `image ${i + 1} (in “${under}”)`,
            caption: caption ? caption.textContent.trim().replace(/\s+/g, ' ').slice(0, 80) : null,
            file: (img.getAttribute('src') || '').split('/').pop(),
            alt: img.getAttribute('alt')};
  });
  // Every column head of the book's tables (tlslib.book.show_table): is it on the screen as drawn?
  const columns = [...article.querySelectorAll('div.tlslib-table[id]')].flatMap(div =>
    [...div.querySelectorAll('thead th')].map(th => {
      const r = box(th), shown = th.getClientRects().length > 0 && getComputedStyle(th).display !== 'none';
      const d = drawn(th);
      return {table: div.id, index: th.cellIndex + 1, header: th.textContent.replace(/\s+/g, ' ').trim(), shown,
              on_screen: shown && r.left >= -1 && r.right <= vw + 1 && d.right - d.left >= r.width - 1};
    }));
  const h1 = article.querySelector('h1');
  const lineHeight = h1 ? parseFloat(getComputedStyle(h1).lineHeight) : 0;
  const h1Text = h1 ? [...h1.childNodes].filter(n => !(n.classList && n.classList.contains('headerlink')))
                                        .map(n => n.textContent).join('').trim() : '';
  const searches = [...document.querySelectorAll('.search-button__button, form.bd-search')]
      .filter(e => !e.closest('dialog') && e.getClientRects().length && box(e).width > 0 &&
                   getComputedStyle(e).visibility !== 'hidden' && box(e).right > 0 && box(e).left < vw);
  const headings = [...article.querySelectorAll('h2, h3, h4')].map(h => {
    const copy = h.cloneNode(true);
    copy.querySelectorAll('mjx-container, .headerlink, code').forEach(x => x.remove());
    return copy.textContent.trim().replace(/\s+/g, ' ');
  });
  const stamp = document.querySelector('.book-stamp');
  return {
    equations, tables, prose, figures, columns,
    title: document.title,
    h1: h1Text,
    headings,
    h1_lines: h1 && lineHeight ? Math.round(box(h1).height / lineHeight) : 0,
    sidebar: [...document.querySelectorAll('nav.bd-docs-nav a')].map(a => a.textContent.trim().replace(/\s+/g, ' ')),
    searches: searches.length,
    page_width: document.documentElement.scrollWidth,
    viewport: vw,
    text: (document.querySelector('main') || document.body).innerText,
    links: [...article.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
    stamp: stamp ? stamp.textContent.replace(/\s+/g, ' ').trim() : null,
  };
}
