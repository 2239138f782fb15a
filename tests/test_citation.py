"""Citation metadata: CITATION.cff is valid, and every place that names the book, its version,
its repository or the paper says the same thing (CITATION.cff, .zenodo.json, _config.yml,
pyproject.toml, book/how-to-cite.md, references.bib, README.md).

CITATION.cff is validated by cffconvert against the CFF 1.2.0 JSON schema bundled in the
package: no network.
"""

from __future__ import annotations

import json
import re
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml
from cffconvert.citation import Citation
from pybtex.database import parse_string

ROOT = Path(__file__).resolve().parent.parent
PAPER_DOI = "10.1103/PhysRevLett.124.075902"


@pytest.fixture(scope="module")
def cff() -> dict:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def zenodo() -> dict:
    return json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def config() -> dict:
    return yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def how_to_cite_bibtex():
    text = (ROOT / "book" / "how-to-cite.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bibtex\n(.*?)```", text, flags=re.DOTALL)
    assert len(blocks) == 2, "how-to-cite.md must give two BibTeX blocks: the paper and the book"
    return parse_string("\n".join(blocks), "bibtex")


def _version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_citation_cff_is_valid_cff_1_2_0():
    citation = Citation((ROOT / "CITATION.cff").read_text(encoding="utf-8"), src=str(ROOT / "CITATION.cff"))
    citation.validate()  # raises jsonschema.ValidationError on any violation


def test_cff_validator_rejects_an_invalid_file():
    """Guard against a validator that passes everything: a file without authors must fail."""
    import jsonschema

    with pytest.raises(jsonschema.ValidationError):
        Citation('cff-version: 1.2.0\nmessage: "m"\ntitle: "t"\n', src="broken.cff").validate()


def test_preferred_citation_is_the_paper(cff):
    paper = cff["preferred-citation"]
    assert paper["type"] == "article"
    assert paper["doi"] == PAPER_DOI
    assert [a["family-names"] for a in paper["authors"]] == ["Carruzzo", "Yu"]
    assert (paper["journal"], paper["volume"], paper["start"], paper["year"]) == (
        "Physical Review Letters",
        124,
        "075902",
        2020,
    )


def test_the_book_is_the_root_entry(cff, config):
    assert cff["type"] == "software"
    assert cff["title"] == config["title"]
    assert str(cff["version"]) == _version()
    assert cff["license"] == "MIT"  # the code's; prose and figures are CC-BY-4.0 (LICENSE)


def test_one_repository_url_everywhere(cff, zenodo, config):
    url = config["repository"]["url"]
    assert url == "https://github.com/tlslib/carruzzo-yu-2020"
    assert cff["repository-code"] == url
    assert url in {r["identifier"] for r in zenodo["related_identifiers"]}
    assert url in (ROOT / "book" / "how-to-cite.md").read_text(encoding="utf-8")
    assert url in (ROOT / "README.md").read_text(encoding="utf-8")
    workflow = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    for other in re.findall(r"https://github\.com/[\w.-]+/[\w.-]+", workflow + (ROOT / "README.md").read_text()):
        assert other == url, f"another repository named: {other}"


def test_launch_buttons_point_at_binder_and_colab(config):
    launch = config["launch_buttons"]
    assert launch["binderhub_url"] == "https://mybinder.org"
    assert launch["colab_url"] == "https://colab.research.google.com"
    assert config["html"]["use_repository_button"] and config["html"]["use_issues_button"]
    # Binder builds environment.yml; tlslib itself is installed by postBuild (repo2docker installs
    # the environment before it copies the repository, so "-e ." cannot be in environment.yml).
    assert "-e ." not in (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert "pip install" in (ROOT / "postBuild").read_text(encoding="utf-8")


def test_zenodo_metadata(zenodo, config):
    assert zenodo["title"] == config["title"]
    assert zenodo["version"] == _version()
    assert zenodo["upload_type"] == "software"
    assert zenodo["creators"] and all(c["name"] for c in zenodo["creators"])
    assert zenodo["license"] == "MIT"
    paper = [r for r in zenodo["related_identifiers"] if r["identifier"] == PAPER_DOI]
    assert paper and paper[0]["scheme"] == "doi"
    # An independent reproduction derives from the paper; it is not the paper's supplement.
    assert paper[0]["relation"] == "isDerivedFrom"


def test_how_to_cite_bibtex_matches_the_bibliography(how_to_cite_bibtex, config):
    bib = parse_string((ROOT / "references.bib").read_text(encoding="utf-8"), "bibtex")
    paper, reference = how_to_cite_bibtex.entries["carruzzo2020"], bib.entries["carruzzo2020"]
    for field in ("title", "journal", "volume", "pages", "year", "doi"):
        assert paper.fields[field] == reference.fields[field], field
    assert [str(p) for p in paper.persons["author"]] == [str(p) for p in reference.persons["author"]]
    (book,) = [e for key, e in how_to_cite_bibtex.entries.items() if key != "carruzzo2020"]
    assert book.fields["version"] == _version()
    assert book.fields["year"] == str(config["copyright"])
    assert book.fields["url"] == config["repository"]["url"]


def test_page_footer_names_licence_and_year(config):
    footer = config["html"]["extra_footer"]
    assert "MIT" in footer and "CC-BY-4.0" in footer and "LICENSE" in footer
    assert str(config["copyright"]).isdigit()
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in licence and "CC-BY-4.0" in licence
    assert f"Copyright (c) {config['copyright']}" in licence


#: DOI prefix of each journal's publisher (the registrant part of a DOI names the publisher).
PUBLISHER_PREFIX = {
    "Physical Review Letters": "10.1103",
    "Physical Review B": "10.1103",
    'Zeitschrift f{\\"u}r Physik B Condensed Matter': "10.1007",
    "Journal of Low Temperature Physics": "10.1007",
    "Philosophical Magazine": "10.1080",
    "Physica B: Condensed Matter": "10.1016",
    "Physics Letters A": "10.1016",
    "Physics Reports": "10.1016",
    "Computational Materials Science": "10.1016",
    "Reports on Progress in Physics": "10.1088",
    "Journal of Physics C: Solid State Physics": "10.1088",
    "Discussions of the Faraday Society": "10.1039",
    "Science": "10.1126",
}


def test_bibliography_dois_are_consistent_with_their_entries():
    """Each DOI is well formed, belongs to the journal's publisher and, where the DOI spells them
    out (APS: PhysRevB.<volume>.<page>), agrees with the entry's volume and page."""
    bib = parse_string((ROOT / "references.bib").read_text(encoding="utf-8"), "bibtex")
    with_doi = {key: e for key, e in bib.entries.items() if "doi" in e.fields}
    assert len(with_doi) >= 20
    for key, entry in with_doi.items():
        doi, fields = entry.fields["doi"], entry.fields
        assert re.fullmatch(r"10\.\d{4,9}/\S+", doi), f"{key}: malformed DOI {doi}"
        if "journal" in fields:
            assert fields["journal"] in PUBLISHER_PREFIX, f"{key}: add {fields['journal']!r} to PUBLISHER_PREFIX"
            assert doi.startswith(PUBLISHER_PREFIX[fields["journal"]] + "/"), f"{key}: {doi} is not the publisher's"
        aps = re.fullmatch(r"10\.1103/PhysRev(?:B|Lett)\.(\d+)\.(\d+)", doi)
        if aps:
            assert aps.groups() == (fields["volume"], fields["pages"]), f"{key}: DOI {doi} disagrees with the entry"


# CITATION.cff is the one source of the book's citation: the copies must say the same.


def cff_authors(cff: dict) -> list[str]:
    """The root entry's authors as "Family, Given" (a person) or the name (an entity)."""
    return [
        a["name"] if "name" in a else ", ".join(p for p in (a.get("family-names"), a.get("given-names")) if p)
        for a in cff["authors"]
    ]


def test_zenodo_copies_title_authors_licence_and_version_from_citation_cff(cff, zenodo):
    assert zenodo["title"] == cff["title"]
    assert [c["name"] for c in zenodo["creators"]] == cff_authors(cff)
    assert zenodo["license"] == cff["license"] == "MIT"
    assert zenodo["version"] == str(cff["version"]) == _version()


def test_how_to_cite_copies_title_authors_licence_and_version_from_citation_cff(cff, how_to_cite_bibtex):
    (book,) = [e for key, e in how_to_cite_bibtex.entries.items() if key != "carruzzo2020"]
    authors = [str(p).replace("{", "").replace("}", "") for p in book.persons["author"]]
    assert authors == cff_authors(cff)
    assert book.fields["title"].replace("---", "—") == cff["title"]
    assert book.fields["version"] == str(cff["version"]) == _version()
    text = (ROOT / "book" / "how-to-cite.md").read_text(encoding="utf-8")
    assert f"version {cff['version']}" in text and " and ".join(cff_authors(cff)) in text
    assert "MIT licence" in text and "CC-BY-4.0" in text


def test_the_package_metadata_names_the_same_authors_and_licence(cff):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert [a["name"] for a in project["authors"]] == [" ".join(reversed(n.split(", "))) for n in cff_authors(cff)]
    assert project["license"]["text"] == cff["license"]


def test_the_package_reports_pyproject_version():
    import tlslib

    # tlslib.__version__ is the installed metadata (importlib.metadata), i.e. pyproject.toml's version
    assert tlslib.__version__ == _version()


#: Every file that types the book's version in prose (the structured ones are checked above).
VERSION_IN_PROSE = ("README.md", "book/how-to-cite.md")


@pytest.mark.parametrize("name", VERSION_IN_PROSE)
def test_every_version_written_in_prose_is_pyproject_version(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    written = re.findall(r"version\s*(?:=\s*\{)?\s*(\d+\.\d+\.\d+)", text, flags=re.IGNORECASE)
    assert written, f"{name} names no version"
    assert set(written) == {_version()}, f"{name} names version {sorted(set(written))}, pyproject.toml {_version()}"


def test_no_other_file_types_the_version():
    """The version is typed in pyproject.toml and in the citation files checked here, nowhere else
    (tlslib.__version__ reads the installed metadata)."""
    checked = {"pyproject.toml", "CITATION.cff", ".zenodo.json", *VERSION_IN_PROSE}
    pattern = re.compile(rf"(?<![\d.]){re.escape(_version())}(?![\d.])")
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False).stdout.split()
    if not tracked:
        pytest.skip("not a git checkout")
    stray = [
        name
        for name in tracked
        if name not in checked
        and not name.startswith("tests/notebooks/")
        and name not in ("requirements.lock", "environment.yml")  # pinned third-party versions
        and (ROOT / name).is_file()
        and pattern.search((ROOT / name).read_text(encoding="utf-8", errors="replace"))
    ]
    assert not stray, f"the version {_version()} is typed in {stray}: read it from the metadata instead"
