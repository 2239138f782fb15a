"""Local Sphinx extension (registered in _config.yml): one citation style, author–year, throughout.

sphinxcontrib-bibtex's ``author_year`` reference style writes a citation as "[Phillips, 1987]",
but its bibliography styles label the list with alpha keys ("[Phi87]"): the reader of a citation
has to guess which entry it is. This registers the pybtex style ``authoryear``
(``bibtex_default_style`` in _config.yml): the entries are labelled and sorted the way the text
cites them, "Phillips, 1987", "Freeman and Anderson, 1986", "Anderson et al., 1972".
"""

from __future__ import annotations

from typing import Any

from pybtex.plugin import register_plugin
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting.author_year_title import SortingStyle as AuthorYearTitle


def author_year(entry: Any) -> str:
    """The label a citation shows: "Phillips, 1987", "Yu and Leggett, 1988", "Anderson et al., 1972"."""
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [" ".join(str(n) for n in p.rich_last_names) for p in people]
    if not names:
        who = entry.fields.get("title", entry.key)
    elif len(names) == 1:
        who = names[0]
    elif len(names) == 2:
        who = f"{names[0]} and {names[1]}"
    else:
        who = f"{names[0]} et al."
    return f"{who}, {entry.fields.get('year', 'n.d.')}".replace("{", "").replace("}", "")


class AuthorYearLabels(BaseLabelStyle):
    def format_labels(self, sorted_entries):
        for entry in sorted_entries:
            yield author_year(entry)


class AuthorYearStyle(UnsrtStyle):
    default_label_style = AuthorYearLabels
    default_sorting_style = AuthorYearTitle


def setup(app: Any) -> dict[str, Any]:
    register_plugin("pybtex.style.formatting", "authoryear", AuthorYearStyle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
